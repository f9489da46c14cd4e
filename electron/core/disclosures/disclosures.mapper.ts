import type {
  AttachmentInfo,
  DisclosureFields,
  DisclosureListRow,
  OpinionRow as OpinionOut,
} from '../../../shared/contract/disclosures';
import {
  OPEN_OPINION_STATUSES,
  type DisclosureScope,
  type DisclosureTiming,
  type OpinionStatus,
} from '../../../shared/domain/disclosure-labels';
import { daysBetween } from '../../../shared/domain/workdays';
import { blobPresent } from '../files/attachments';
import { typeForMime } from '../files/file-types';
import type { AttachmentRow, DisclosureListDbRow, DisclosureRow, WritableRow } from './disclosures.repo';
import type { OpinionDbRow } from './opinions.repo';

const forms = (json: string): string[] => {
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

export function fieldsToRow(f: DisclosureFields): WritableRow {
  return {
    title: f.title,
    category: f.category,
    content: f.content || null,
    forms_json: JSON.stringify(f.forms),
    scope: f.scope,
    timing: f.timing,
    disclosed_on: f.disclosedOn,
    until: f.until || null,
    department: f.department || null,
    reviewer: f.reviewer || null,
    reviewed_on: f.reviewedOn || null,
    remarks: f.remarks || null,
  };
}

export function rowToFields(r: DisclosureRow): DisclosureFields {
  return {
    title: r.title,
    category: r.category,
    content: r.content,
    forms: forms(r.forms_json),
    scope: r.scope as DisclosureScope,
    timing: r.timing as DisclosureTiming,
    disclosedOn: r.disclosed_on,
    until: r.until,
    department: r.department,
    reviewer: r.reviewer,
    reviewedOn: r.reviewed_on,
    remarks: r.remarks,
  };
}

export function toListRow(r: DisclosureListDbRow): DisclosureListRow {
  return {
    id: r.id,
    regNo: r.reg_no,
    title: r.title,
    category: r.category,
    forms: forms(r.forms_json),
    scope: r.scope as DisclosureScope,
    timing: r.timing as DisclosureTiming,
    disclosedOn: r.disclosed_on,
    until: r.until,
    department: r.department,
    attachmentCount: r.attachment_count,
    opinionCount: r.opinion_count,
    overdueOpinionCount: r.overdue_count,
  };
}

export function toAttachment(a: AttachmentRow, filesDir: string): AttachmentInfo {
  return {
    id: a.id,
    label: a.label,
    sizeBytes: a.size_bytes,
    mime: a.mime,
    kind: typeForMime(a.mime, a.label).kind,
    sha256: a.sha256,
    addedAt: a.added_at,
    present: blobPresent(filesDir, a.sha256, a.size_bytes),
  };
}

export function toOpinion(r: OpinionDbRow, today: string): OpinionOut {
  const status = r.status as OpinionStatus;
  const open = OPEN_OPINION_STATUSES.includes(status);
  const end = open ? today : r.replied_on;
  const late = end ? daysBetween(r.due_on, end) : 0;
  return {
    id: r.id,
    receivedOn: r.received_on,
    channel: r.channel,
    anonymous: r.anonymous === 1,
    reporter: r.reporter,
    contact: r.contact,
    content: r.content,
    disclosureId: r.disclosure_id,
    disclosureRegNo: r.disclosure_reg_no,
    disclosureTitle: r.disclosure_title,
    disclosureDeleted: r.disclosure_deleted === 1,
    forwardedTo: r.forwarded_to,
    forwardedOn: r.forwarded_on,
    dueOn: r.due_on,
    reply: r.reply,
    repliedOn: r.replied_on,
    repliedBy: r.replied_by,
    remarks: r.remarks,
    status,
    overdue: open && r.due_on < today,
    daysLate: Math.max(0, late),
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
