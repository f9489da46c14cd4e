import { Form, type FormInstance } from 'antd';
import { useState } from 'react';
import { errorMessage, isApiError } from '../api';
import { issuesToFields } from '../components/form-errors';

interface Options {
  /** Show every refusal as one message above the form, without marking fields (for forms whose fields are not the channel's). */
  noFieldIssues?: boolean;
  /** Drops this first path segment of the core's issues, for inputs that wrap the record, e.g. { opinion: … }. */
  unwrap?: string;
  /**
   * Above the form only what belongs to no field; by default a refusal whose issues all landed on fields is
   * also named above the form in its own words.
   */
  onlyGeneral?: boolean;
}

/**
 * The part every dialog form shares: validate, then save with the saving spinner on the OK button; a refusal
 * from the core lands on the fields it names and above the form. `save` may also set `problem` itself (a
 * check of its own) and return.
 */
export function useModalForm<V>({ noFieldIssues, unwrap, onlyGeneral }: Options = {}) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (save: (values: V) => Promise<void>) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already shows the field messages
    }
    setSaving(true);
    setProblem(null);
    try {
      await save(values);
    } catch (e) {
      if (noFieldIssues || !isApiError(e) || !e.issues.length) {
        setProblem(errorMessage(e));
        return;
      }
      const issues = unwrap ? e.issues.map((i) => ({ ...i, path: i.path[0] === unwrap ? i.path.slice(1) : i.path })) : e.issues;
      const { fields, general } = issuesToFields(issues);
      form.setFields(fields as Parameters<FormInstance<V>['setFields']>[0]);
      setProblem(general.length ? general.join('；') : onlyGeneral ? null : e.message);
    } finally {
      setSaving(false);
    }
  };
  return { form, saving, problem, setProblem, submit };
}
