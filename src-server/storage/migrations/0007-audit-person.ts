import type { Migration } from './migration';

/**
 * Every audit entry names the person, as they were named then (issue 17,
 * "people, not roles"): `audit_log.actor_name` keeps the user's display name
 * at the time of the change (a later rename does not rewrite history), and
 * `records.changed_by` the name of whoever made a record's last change, so a
 * pull tells a laptop who changed what on the other laptops. Existing rows
 * are named from their user as it is now.
 */
export const auditPerson: Migration = {
  version: 7,
  name: 'audit-person',
  sql: `
alter table audit_log add column actor_name text;
alter table records add column changed_by text;
update audit_log a set actor_name = coalesce(u.display_name, u.name) from users u where u.id = a.user_id;
update records r set changed_by = last.actor_name
  from (select distinct on (entity, record_id) entity, record_id, actor_name from audit_log order by entity, record_id, id desc) last
  where last.entity = r.entity and last.record_id = r.id;
`,
};
