import { Form, type FormInstance, type FormProps, Modal } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBusyAction } from '../use-busy-action.ts';
import { useShowError } from '../use-show-error.tsx';
import { showFieldErrors } from './field-errors.ts';

interface Props<V> {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  /** The form's own fields: a refusal naming one of them (422) is shown beside it, anything else as a message. */
  fields: readonly string[];
  /** The values the form starts from each time it opens (the record's, when editing). */
  start?: Partial<V>;
  /** Sends the values; resolves once saved (the caller closes or moves on). */
  save(values: V): Promise<void>;
  onClose(): void;
  width?: number;
  testId: string;
  size?: FormProps['size'];
  onValuesChange?: FormProps<V>['onValuesChange'];
  children: ReactNode;
}

/**
 * The one dialog frame of a base-record form: starts from the record each time it opens, busy while it saves,
 * and puts the server's refusals beside the fields they name.
 */
export function RecordFormDialog<V>(p: Props<V>) {
  const { t } = useTranslation();
  const showError = useShowError();
  const { busy, run } = useBusyAction();
  const { form, open } = p;
  // The start values are read when the dialog opens, not on every render of its caller.
  const start = useRef(p.start);
  start.current = p.start;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (start.current) form.setFieldsValue(start.current as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, form]);

  const submit = (values: V) =>
    run(async () => {
      try {
        await p.save(values);
      } catch (err) {
        if (!showFieldErrors(form, err, p.fields)) showError(err);
      }
    });

  return (
    <Modal
      open={open}
      title={p.title}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={p.onClose}
      confirmLoading={busy}
      width={p.width ?? 640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" size={p.size} onFinish={submit} onValuesChange={p.onValuesChange} data-testid={p.testId}>
        {p.children}
      </Form>
    </Modal>
  );
}
