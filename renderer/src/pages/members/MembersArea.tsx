import { Segmented } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { GroupsPage } from './GroupsPage';
import { ImportArea } from './import/ImportArea';
import { MemberDetailPage } from './MemberDetailPage';
import { MemberFormPage } from './MemberFormPage';
import { MemberListPage } from './MemberListPage';
import { lastListAddress } from './list-address';

/** Switches between the roster and the structure; member pages have their own header instead. */
function AreaTabs() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = location.pathname.startsWith('/members/groups') ? 'groups' : 'list';
  return (
    <Segmented
      style={{ marginBottom: 16 }}
      value={current}
      onChange={(v) => void navigate(v === 'groups' ? '/members/groups' : lastListAddress())}
      options={[
        { value: 'list', label: '会员名册' },
        { value: 'groups', label: '组织结构' },
      ]}
    />
  );
}

/** 会员档案: /members (名册), /members/groups, /members/new, /members/:id, /members/:id/edit. */
export function MembersArea() {
  return (
    <Routes>
      <Route
        index
        element={
          <>
            <AreaTabs />
            <MemberListPage />
          </>
        }
      />
      <Route
        path="groups"
        element={
          <>
            <AreaTabs />
            <GroupsPage />
          </>
        }
      />
      <Route path="import/*" element={<ImportArea />} />
      <Route path="new" element={<MemberFormPage />} />
      <Route path=":id" element={<MemberDetailPage />} />
      <Route path=":id/edit" element={<MemberFormPage />} />
    </Routes>
  );
}
