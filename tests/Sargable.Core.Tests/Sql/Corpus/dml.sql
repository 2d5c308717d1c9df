INSERT INTO deployments AS d (project_id, iid, status)
VALUES ($1, $2, DEFAULT), ($1, $3, 1)
ON CONFLICT (project_id, iid) DO UPDATE
SET status = EXCLUDED.status, updated_at = now()
WHERE d.status <> EXCLUDED.status
RETURNING d.id, d.iid AS internal_id;

INSERT INTO environments (project_id, name)
SELECT p.id, 'production' FROM projects p WHERE NOT EXISTS (
    SELECT 1 FROM environments e WHERE e.project_id = p.id AND e.name = 'production')
ON CONFLICT ON CONSTRAINT environments_project_id_name_key DO NOTHING;

INSERT INTO settings DEFAULT VALUES;

UPDATE ONLY deployments d
SET (status, finished_at) = (3, now()), sha = decode($2, 'hex')
FROM environments e
WHERE d.environment_id = e.id AND e.name = $1
RETURNING *;

DELETE FROM deployments AS d
USING environments e
WHERE d.environment_id = e.id AND e.state = 'stopped'
RETURNING d.id;

SELECT * FROM deployments WHERE id = $1 FOR NO KEY UPDATE OF deployments NOWAIT;

UPDATE deployments SET status = 'canceled' WHERE CURRENT OF pending_deployments;
