-- Deployment queries GitLab and Sentry had to fix, next to their fixed forms.
-- `sargable check-sql --schema samples/sql/schema.sql samples/sql/queries.sql` reports the slow ones.

-- Slow: environment looked up by name only; the unique index is (project_id, name).
SELECT deployments.* FROM deployments
INNER JOIN environments ON environments.id = deployments.environment_id
WHERE deployments.project_id = $1 AND environments.name = $2
ORDER BY deployments.iid DESC LIMIT 20;

-- Fixed: the environment is resolved inside its project.
SELECT deployments.* FROM deployments
WHERE deployments.project_id = $1
  AND deployments.environment_id IN (SELECT environments.id FROM environments WHERE environments.project_id = $1 AND environments.name = $2)
ORDER BY deployments.iid DESC LIMIT 20;

-- Slow: a range on updated_at ordered by id sorts every match before the LIMIT.
SELECT deployments.* FROM deployments
WHERE deployments.project_id = $1 AND deployments.environment_id = $2 AND deployments.updated_at <= $3
ORDER BY deployments.id LIMIT 20;

-- Fixed: order by the range column with a unique tie-breaker.
SELECT deployments.* FROM deployments
WHERE deployments.project_id = $1 AND deployments.environment_id = $2 AND deployments.updated_at <= $3
ORDER BY deployments.updated_at, deployments.id LIMIT 20;

-- Slow: OFFSET batching reads and discards every earlier batch.
SELECT id FROM deployments ORDER BY id LIMIT 1000 OFFSET $1;

-- Fixed: keyset batching.
SELECT id FROM deployments WHERE id > $1 ORDER BY id LIMIT 1000;

-- Slow: the whole table at once.
SELECT * FROM deployments;

-- Sentry's latest deploys: one statement, reading only by keys.
SELECT project_id, environment_name, version, date_finished FROM (
  SELECT rpe.project_id, e.name AS environment_name, r.version, d.finished_at AS date_finished,
         row_number() OVER (PARTITION BY rpe.project_id, rpe.environment_id ORDER BY d.finished_at DESC NULLS LAST, d.id DESC) AS rn
  FROM (SELECT *, row_number() OVER (PARTITION BY project_id, environment_id ORDER BY id DESC) AS recent
        FROM release_project_environments WHERE project_id = ANY ($1)) rpe
  JOIN deployments d ON d.id = rpe.last_deployment_id
  JOIN releases r ON r.id = rpe.release_id
  JOIN environments e ON e.id = rpe.environment_id
  WHERE rpe.recent <= 10) ranked
WHERE rn = 1;

-- A group and all its descendants.
WITH RECURSIVE descendants(id) AS (
    SELECT id FROM namespaces WHERE id = $1
    UNION ALL
    SELECT n.id FROM namespaces n JOIN descendants d ON n.parent_id = d.id)
SELECT p.id, p.name FROM projects p WHERE p.namespace_id IN (SELECT id FROM descendants);
