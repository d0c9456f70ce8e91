import { assessment } from './zh-CN/assessment.ts';
import { base } from './zh-CN/base.ts';
import { briefing } from './zh-CN/briefing.ts';
import { declare } from './zh-CN/declare.ts';
import { disputes } from './zh-CN/disputes.ts';
import { events } from './zh-CN/events.ts';
import { field } from './zh-CN/field.ts';
import { fieldwork } from './zh-CN/fieldwork.ts';
import { figures } from './zh-CN/figures.ts';
import { followups } from './zh-CN/followups.ts';
import { interfaces } from './zh-CN/interfaces.ts';
import { oversight } from './zh-CN/oversight.ts';
import { patrols } from './zh-CN/patrols.ts';
import { personForm } from './zh-CN/person-form.ts';
import { reasons } from './zh-CN/reasons.ts';
import { registry } from './zh-CN/registry.ts';
import { rewards } from './zh-CN/rewards.ts';
import { tasks } from './zh-CN/tasks.ts';

/** Chinese UI strings (the default language), one file per part of the product in zh-CN/; en/ has the same keys. */
export const zhCN = {
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

export type Messages = typeof zhCN;
