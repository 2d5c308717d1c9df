-- Recursive CTE over a namespace tree.
WITH RECURSIVE descendants(id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM namespaces WHERE id = $1
    UNION ALL
    SELECT n.id, n.parent_id, d.depth + 1
    FROM namespaces n
    JOIN descendants d ON n.parent_id = d.id
)
SELECT p.*
FROM projects p
WHERE p.namespace_id IN (SELECT id FROM descendants);

-- Several CTEs, NOT MATERIALIZED, a data-modifying CTE.
WITH moved AS (
    DELETE FROM deployments WHERE created_at < $1 RETURNING *
), counts AS NOT MATERIALIZED (
    SELECT project_id, count(*) AS n FROM moved GROUP BY project_id
)
INSERT INTO archived_deployment_counts (project_id, n)
SELECT project_id, n FROM counts;

-- Set operations: INTERSECT binds tighter; parenthesized operands keep their own LIMIT.
(SELECT id FROM deployments WHERE status = 1 ORDER BY id LIMIT 10)
UNION ALL
(SELECT id FROM deployments WHERE status = 2 ORDER BY id LIMIT 10)
EXCEPT
SELECT id FROM deployments WHERE project_id = $1
INTERSECT DISTINCT
SELECT id FROM archived_deployments
ORDER BY 1
LIMIT ALL;

-- VALUES as a query and as a join source.
SELECT v.name, e.id
FROM (VALUES ('production', 1), ('staging', 2)) AS v(name, position)
LEFT JOIN environments e ON e.name = v.name
ORDER BY v.position;

VALUES (1, 'one'), (2, 'two') ORDER BY 1 DESC;

-- GROUP BY ROLLUP / CUBE / GROUPING SETS.
SELECT project_id, environment_id, status, count(*)
FROM deployments
GROUP BY GROUPING SETS ((project_id, environment_id), ROLLUP (status), CUBE (project_id, status), ());
