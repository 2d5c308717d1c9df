-- What EF Core 10 with Npgsql 10 emits for typical LINQ queries.

-- ids.Contains(d.Id)
SELECT d.id, d.action, d.created_at, d.environment_id
FROM deployments AS d
WHERE d.id = ANY (@ids);

-- CountAsync
SELECT count(*)::int
FROM deployments AS d
WHERE d.project_id = @projectId;

-- Skip/Take paging
SELECT d.id, d.iid, d.status
FROM deployments AS d
ORDER BY d.id
LIMIT @p3 OFFSET @p;

-- ExecuteDeleteAsync
DELETE FROM deployments AS d
WHERE d.environment_id = @envId;

-- ExecuteUpdateAsync
UPDATE deployments AS d
SET status = @p, updated_at = now()
WHERE d.id = @id;

-- SaveChanges insert
INSERT INTO deployments (iid, project_id, sha, status)
VALUES (@p0, @p1, @p2, @p3)
RETURNING id;

-- AnyAsync
SELECT EXISTS (
    SELECT 1
    FROM environments AS e
    WHERE e.project_id = @p AND e.name = @name);

-- Include, single query
SELECT p.id, p.name, e.id, e.name, e.project_id
FROM projects AS p
LEFT JOIN environments AS e ON p.id = e.project_id
WHERE p.id = @id
ORDER BY p.id;

-- Take inside Include: nested derived table with its own LIMIT
SELECT d0.*
FROM (
    SELECT d.id, d.iid, d.environment_id
    FROM deployments AS d
    WHERE d.project_id = @p
    ORDER BY d.iid DESC
    LIMIT @p1
) AS d0
LEFT JOIN environments AS e ON d0.environment_id = e.id
ORDER BY d0.iid DESC, d0.id;

-- TagWith
-- DeploymentsController.Index
-- sargable:allow SARG0003 paging is bounded by the caller
SELECT d.id, d.sha
FROM deployments AS d
WHERE d.project_id = @projectId AND d.status = 2
ORDER BY d.created_at DESC
LIMIT @p;

-- FirstOrDefault with a string method and null check
SELECT e.id, e.name, e.external_url
FROM environments AS e
WHERE e.project_id = @projectId AND (e.name ILIKE @pattern ESCAPE '\') AND e.external_url IS NOT NULL
LIMIT 1;

-- GroupBy with aggregate and HAVING
SELECT d.environment_id AS "Key", count(*)::int AS "Count", max(d.created_at) AS "Latest"
FROM deployments AS d
WHERE d.project_id = @projectId
GROUP BY d.environment_id
HAVING count(*)::int > @minimum;

-- Split query second leg
SELECT e.id, e.name, p.id
FROM projects AS p
INNER JOIN environments AS e ON p.id = e.project_id
WHERE p.namespace_id = @namespaceId
ORDER BY p.id;

-- Contains over a JSON array parameter (primitive collections)
SELECT d.id
FROM deployments AS d
WHERE d.iid IN (
    SELECT i.value
    FROM unnest(@iids) WITH ORDINALITY AS i(value, ordinality)
)
ORDER BY d.id;
