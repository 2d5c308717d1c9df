-- What EF Core's SQLite provider emits.

SELECT "d"."Id", "d"."Sha", "d"."Status"
FROM "Deployments" AS "d"
WHERE "d"."Id" IN (
    SELECT "i"."value"
    FROM json_each(@ids) AS "i"
)
LIMIT @p;

SELECT "e"."Id", "e"."Name"
FROM "Environments" AS "e"
WHERE ef_compare("e"."Name", @name) = 0 AND CAST("e"."ProjectId" AS TEXT) = @project
ORDER BY "e"."Name" COLLATE NOCASE
LIMIT -1 OFFSET @p;

INSERT INTO "Deployments" ("Iid", "ProjectId", "Status")
VALUES (@p0, @p1, @p2)
RETURNING "Id";

UPDATE "Deployments" AS "d"
SET "Status" = @p
WHERE "d"."EnvironmentId" = @envId;

CREATE TABLE "Deployments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Deployments" PRIMARY KEY AUTOINCREMENT,
    "Iid" INTEGER NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    "Sha" BLOB NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Deployments_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Deployments_ProjectId_Iid" ON "Deployments" ("ProjectId", "Iid");

SELECT [d].[Id], `d`.`Sha` FROM [Deployments] AS [d] WHERE [d].[ProjectId] = :projectId AND [d].[Status] = ?;
