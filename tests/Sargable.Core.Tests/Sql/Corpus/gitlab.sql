-- GitLab's DeploymentsFinder, as seen in pg_stat_statements.

-- The slow one: the environment name is filtered through a join.
SELECT deployments.*
FROM deployments
INNER JOIN environments ON environments.id = deployments.environment_id
WHERE deployments.project_id = $1 AND environments.name = $3
ORDER BY deployments.iid DESC
LIMIT 20;

-- The fixed form: an IN subquery and keyset pagination.
SELECT deployments.*
FROM deployments
WHERE deployments.project_id = $1
  AND deployments.environment_id IN (
      SELECT environments.id
      FROM environments
      WHERE environments.project_id = $1 AND environments.name = $2)
  AND deployments.updated_at <= $3
ORDER BY deployments.updated_at ASC, deployments.id ASC
LIMIT 20;

-- Last deployment per environment with DISTINCT ON.
SELECT DISTINCT ON (deployments.environment_id) deployments.id, deployments.environment_id, deployments.status
FROM deployments
WHERE deployments.environment_id IN ($1, $2, $3) AND deployments.status IN (2, 3, 4)
ORDER BY deployments.environment_id, deployments.id DESC;

-- Keyset pagination with a row comparison.
SELECT deployments.id, deployments.iid
FROM deployments
WHERE deployments.project_id = $1 AND (deployments.finished_at, deployments.id) < ($2, $3)
ORDER BY deployments.finished_at DESC, deployments.id DESC
FETCH FIRST 50 ROWS ONLY;

-- Batch update with FOR UPDATE SKIP LOCKED in a CTE.
WITH batch AS MATERIALIZED (
    SELECT id FROM deployments WHERE status = 1 AND created_at < now() - interval '1 day'
    ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED
)
UPDATE deployments AS d SET status = 5, updated_at = CURRENT_TIMESTAMP
FROM batch
WHERE d.id = batch.id
RETURNING d.id;
