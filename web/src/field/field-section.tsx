import type { ReactNode } from 'react';

/** A titled block of the phone home: a plain section, not antd's Card (whose tabs bring a menu and dropdowns along). */
export function FieldSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="field-card" data-testid={testId}>
      <h2 className="field-card-title">{title}</h2>
      <div className="field-card-body">{children}</div>
    </section>
  );
}
