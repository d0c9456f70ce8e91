import { assessment } from './en/assessment.ts';
import { base } from './en/base.ts';
import { briefing } from './en/briefing.ts';
import { declare } from './en/declare.ts';
import { disputes } from './en/disputes.ts';
import { events } from './en/events.ts';
import { field } from './en/field.ts';
import { fieldwork } from './en/fieldwork.ts';
import { figures } from './en/figures.ts';
import { followups } from './en/followups.ts';
import { interfaces } from './en/interfaces.ts';
import { oversight } from './en/oversight.ts';
import { patrols } from './en/patrols.ts';
import { personForm } from './en/person-form.ts';
import { reasons } from './en/reasons.ts';
import { registry } from './en/registry.ts';
import { rewards } from './en/rewards.ts';
import { tasks } from './en/tasks.ts';
import type { Messages } from './zh-CN.ts';

/** English UI strings, one file per part of the product in en/; the types keep the keys in step with zh-CN. */
export const en: Messages = {
  ...base,
  ...registry,
  ...events,
  ...oversight,
  ...fieldwork,
  ...field,
  ...figures,
  ...personForm,
  ...interfaces,
  ...disputes,
  ...assessment,
  ...briefing,
  ...followups,
  ...rewards,
  ...reasons,
  ...tasks,
  ...patrols,
  ...declare,
};
