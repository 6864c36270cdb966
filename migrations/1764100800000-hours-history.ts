import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A placement's weekly hours are a history from the hire on: the hired hours are its first
 * entry (effective from the start date), a change adds an entry, and `agreed_weekly_hours`
 * stays what was agreed at the hire. Compliance on a past date then reads what was true then.
 *
 * Placements hired before this kept only their changes, and a change overwrote the agreed
 * hours; the hired hours are taken back from the hire event's input in the workflow history
 * where it holds them, else from the placement as it stands.
 */
export class HoursHistory1764100800000 implements MigrationInterface {
  name = 'HoursHistory1764100800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE placement p SET agreed_weekly_hours = (h.input ->> 'weeklyHours')::numeric
        FROM candidate c
        JOIN LATERAL (
          SELECT input FROM workflow_transition t WHERE t.workflow = 'candidate' AND t.entity_id = c.id AND t.event = 'hire'
           ORDER BY t.id DESC LIMIT 1
        ) h ON true
       WHERE c.placement_id = p.id AND jsonb_typeof(h.input -> 'weeklyHours') = 'number'
         AND p.agreed_weekly_hours IS DISTINCT FROM (h.input ->> 'weeklyHours')::numeric`);
    await q.query(`
      INSERT INTO placement_hours (placement_id, municipality_id, effective_from, weekly_hours)
      SELECT id, municipality_id, start_date, agreed_weekly_hours FROM placement
      ON CONFLICT (placement_id, effective_from) DO NOTHING`);
    // Whoever writes a placement (a hire, the demo, an import), its first entry is written with it.
    await q.query(`
      CREATE FUNCTION placement_first_hours() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO placement_hours (placement_id, municipality_id, effective_from, weekly_hours)
        SELECT id, municipality_id, start_date, agreed_weekly_hours FROM hired
        ON CONFLICT (placement_id, effective_from) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER placement_first_hours AFTER INSERT ON placement REFERENCING NEW TABLE AS hired
        FOR EACH STATEMENT EXECUTE FUNCTION placement_first_hours()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER placement_first_hours ON placement');
    await q.query('DROP FUNCTION placement_first_hours');
  }
}
