-- Sentry's latest deploys per project and environment.

SELECT project_id, environment_name, version, date_finished
FROM (
    SELECT rpe.project_id, e.name AS environment_name, r.version, d.finished_at AS date_finished,
           row_number() OVER (PARTITION BY rpe.project_id, rpe.environment_id
                              ORDER BY d.finished_at DESC NULLS LAST, d.id DESC) AS rn
    FROM (
        SELECT *, row_number() OVER (PARTITION BY project_id, environment_id ORDER BY id DESC) AS recent
        FROM release_project_environments
        WHERE project_id = ANY ($1)
    ) rpe
    JOIN deployments d ON d.id = rpe.last_deployment_id
    JOIN releases r ON r.id = rpe.release_id
    JOIN environments e ON e.id = rpe.environment_id
    WHERE rpe.recent <= 10
) ranked
WHERE rn = 1;

-- The LATERAL form.
SELECT e.id, e.name, latest.version, latest.date_finished
FROM environments e
CROSS JOIN LATERAL (
    SELECT r.version, d.finished_at AS date_finished
    FROM deployments d
    JOIN releases r ON r.id = d.release_id
    WHERE d.environment_id = e.id
    ORDER BY d.finished_at DESC NULLS LAST
    LIMIT 1
) AS latest
WHERE e.project_id = ANY ($1::bigint[]);

-- Named window, frame clause and FILTER.
SELECT project_id,
       count(*) FILTER (WHERE status = 'failed') AS failures,
       avg(duration) OVER w AS moving_average,
       sum(duration) OVER (w ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS recent_total,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY duration) AS p95
FROM deploy_stats
GROUP BY project_id, duration, finished_at
WINDOW w AS (PARTITION BY project_id ORDER BY finished_at);
