/**
 * Issue 17: adding someone to a project survives a lost answer. The participant row carries a creation
 * id (a unique CreationId column, as entity creates do): when the create's answer is lost after the
 * row was written, the same call finds that row instead of failing or making a second one.
 */
import type { EntitySummary } from '../../../src/domain/entities';
import { storePerFile } from '../helpers/store';

jest.setTimeout(60_000);
const s = storePerFile();

const summary = (outcome: { entity: { ref: EntitySummary['ref']; name: string } }): EntitySummary => ({ ref: outcome.entity.ref, name: outcome.entity.name, detail: '' });

test.each(['after503', 'afterReset'] as const)('a participant whose create answer is lost (%s) is found by its creation id: one row, and the call succeeds', async (fault) => {
  const project = summary(await s().store.createProject({ name: `Osallistujahanke ${fault}` }));
  const person = summary(await s().store.createPerson({ name: `Osallistuja ${fault}`, emails: [`osallistuja.${fault.toLowerCase()}@hanke.fi`] }));
  s().t.sandbox.control.setFaults({ rules: [{ kind: fault, method: 'POST', pathPattern: `${s().location.lists.participants}/items`, next: 1 }] });
  const involved = await s().store.involve(project, person, 'asiantuntija');
  s().t.sandbox.control.clearFaults();
  expect(involved.role).toBe('asiantuntija');
  const rows = await s().store.participants(project.ref);
  expect(rows.map((r) => [r.entity.ref, r.role])).toEqual([[person.ref, 'asiantuntija']]);
});
