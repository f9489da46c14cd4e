import { Form, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import type { IdType } from '../../../../shared/domain/member-labels';
import { api, errorMessage } from '../../api';
import type { MemberFormValues } from './member-form-values';

const CHECK_DELAY_MS = 300;

export type IdCheck = ChannelOutput<'members.checkId'>;

export type IdCheckState =
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'checked'; result: IdCheck; forNumber: string }
  | { kind: 'failed'; message: string };

/**
 * Checks the 证件号码 against the core as it is typed (members.checkId: GB 11643 rules and duplicates), and
 * lets a valid resident ID fill 出生日期 and 性别. `checkNow` is for saving: it answers for the current value
 * without waiting for the pause.
 */
export function useIdCheck(form: FormInstance<MemberFormValues>, excludeId: number | undefined) {
  const [state, setState] = useState<IdCheckState>({ kind: 'empty' });
  const seq = useRef(0);

  const run = useCallback(
    async (idType: IdType, raw: string): Promise<IdCheckState> => {
      const mine = ++seq.current;
      let next: IdCheckState;
      try {
        const result = await api.call('members.checkId', { idType, idNumber: raw.slice(0, 60), ...(excludeId ? { excludeId } : {}) });
        next = { kind: 'checked', result, forNumber: raw };
        if (result.ok && result.birthDate && result.gender && mine === seq.current) {
          // The ID number decides these two (the core does the same on save); the form shows it at once.
          form.setFieldsValue({ birthDate: dayjs(result.birthDate), gender: result.gender });
        }
      } catch (e) {
        next = { kind: 'failed', message: errorMessage(e) };
      }
      if (mine === seq.current) setState(next);
      return next;
    },
    [form, excludeId],
  );

  const idType = (Form.useWatch('idType', form) ?? 'resident') as IdType;
  const idNumber = (Form.useWatch('idNumber', form) ?? '') as string;

  useEffect(() => {
    const raw = idNumber.trim();
    if (!raw) {
      seq.current++;
      const timer = setTimeout(() => setState({ kind: 'empty' }), 0);
      return () => clearTimeout(timer);
    }
    const timer = setTimeout(() => {
      setState({ kind: 'checking' });
      void run(idType, raw);
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [idType, idNumber, run]);

  const checkNow = useCallback(async (): Promise<IdCheckState> => {
    const raw = String(form.getFieldValue('idNumber') ?? '').trim();
    if (!raw) {
      setState({ kind: 'empty' });
      return { kind: 'empty' };
    }
    return run((form.getFieldValue('idType') ?? 'resident') as IdType, raw);
  }, [form, run]);

  /** A refusal the core gave on save (e.g. a duplicate that appeared meanwhile) shown like a live one. */
  const showServerError = useCallback((message: string) => setState({ kind: 'failed', message }), []);

  return { state, checkNow, showServerError };
}
