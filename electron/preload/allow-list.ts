/**
 * Channels and push events the sandboxed preload lets through. A literal list on purpose: importing the zod
 * contract would pull zod into the preload. test/unit/electron/preload-allow-list.test.ts fails when this
 * drifts from shared/contract — add a new channel here in the same commit as its schema.
 */
export const ALLOWED_CHANNELS: readonly string[] = [
  'app.info',
  'app.openDataFolder',
  'backup.create',
  'backup.list',
  'backup.restore',
  'backup.export',
  'audit.list',
  'files.pickOpen',
  'files.saveAs',
  'settings.get',
  'settings.update',
  'members.list',
  'members.get',
  'members.find',
  'members.create',
  'members.update',
  'members.remove',
  'members.addEvent',
  'members.checkId',
  'members.moveGroup',
  'members.stats',
  'members.export',
  'members.registrationPdf',
  'members.registrationHtml',
  'groups.tree',
  'groups.create',
  'groups.update',
  'groups.remove',
];

export const ALLOWED_EVENTS: readonly string[] = ['backup:created', 'app:restored', 'progress:update'];
