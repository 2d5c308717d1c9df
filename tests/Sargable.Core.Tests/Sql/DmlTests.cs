using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class DmlTests
    {
        [Fact]
        public void Insert_values_with_returning()
        {
            var insert = Parse.Statement<InsertStatement>("INSERT INTO deployments (iid, project_id) VALUES (@p0, @p1) RETURNING id;");
            Assert.Equal("deployments", insert.Table.ToString());
            Assert.Equal(new[] { "iid", "project_id" }, Names.Of(insert.Columns));
            var values = Assert.IsType<ValuesQuery>(insert.Source!.Body);
            Assert.Equal(new[] { "@p0", "@p1" }, values.Rows.Single().Select(Names.Of));
            Assert.Equal("id", Names.Of(Assert.Single(insert.Returning).Expression));
            Assert.False(insert.IsDefaultValues);
            Assert.Null(insert.OnConflict);
        }

        [Fact]
        public void Insert_with_alias_multiple_rows_default_and_on_conflict_do_update()
        {
            var insert = Parse.Statement<InsertStatement>(
                "INSERT INTO deployments AS d (project_id, iid, status) VALUES ($1, $2, DEFAULT), ($1, $3, 1) " +
                "ON CONFLICT (project_id, iid) WHERE status > 0 DO UPDATE SET status = EXCLUDED.status, updated_at = now() " +
                "WHERE d.status <> EXCLUDED.status RETURNING d.id, d.iid AS internal_id");
            Assert.Equal("d", insert.Alias!.Value);
            var rows = Assert.IsType<ValuesQuery>(insert.Source!.Body).Rows;
            Assert.Equal(2, rows.Count);
            Assert.IsType<DefaultValue>(rows[0][2]);
            var conflict = insert.OnConflict!;
            Assert.Equal(new[] { "project_id", "iid" }, conflict.Target.Select(k => k.Column!.Value));
            Assert.NotNull(conflict.TargetWhere);
            Assert.Equal(OnConflictAction.DoUpdate, conflict.Action);
            Assert.Equal(new[] { "status", "updated_at" }, conflict.Assignments.Select(a => a.Columns.Single().Value));
            Assert.Equal("excluded.status", Names.Of(conflict.Assignments[0].Value));
            Assert.NotNull(conflict.Where);
            Assert.Equal("internal_id", insert.Returning[1].Alias!.Value);
        }

        [Fact]
        public void Insert_select_on_constraint_do_nothing_and_default_values()
        {
            var insert = Parse.Statement<InsertStatement>(
                "INSERT INTO environments (project_id, name) SELECT p.id, 'production' FROM projects p ON CONFLICT ON CONSTRAINT env_key DO NOTHING");
            Assert.IsType<SelectCore>(insert.Source!.Body);
            Assert.Equal(("env_key", OnConflictAction.DoNothing), (insert.OnConflict!.ConstraintName!.Value, insert.OnConflict.Action));
            Assert.Empty(insert.OnConflict.Assignments);

            var defaults = Parse.Statement<InsertStatement>("INSERT INTO settings DEFAULT VALUES");
            Assert.True(defaults.IsDefaultValues);
            Assert.Null(defaults.Source);

            var parenthesized = Parse.Statement<InsertStatement>("INSERT INTO t (SELECT 1)");
            Assert.Empty(parenthesized.Columns);
            Assert.NotNull(parenthesized.Source);

            var overriding = Parse.Statement<InsertStatement>("INSERT INTO t (id) OVERRIDING SYSTEM VALUE VALUES (1)");
            Assert.Single(overriding.Columns);
        }

        [Fact]
        public void Update_in_ef_execute_update_form()
        {
            var update = Parse.Statement<UpdateStatement>("UPDATE deployments AS d SET status = @p WHERE d.id = @id");
            Assert.Equal(("deployments", "d"), (update.Table.Name.ToString(), update.Table.Alias!.Name.Value));
            var set = Assert.Single(update.Assignments);
            Assert.Equal(("status", "@p", false), (set.Columns.Single().Value, Names.Of(set.Value), set.IsMultiColumn));
            Assert.IsType<BinaryExpression>(update.Where);
        }

        [Fact]
        public void Update_with_bare_alias_row_assignment_from_and_returning()
        {
            var update = Parse.Statement<UpdateStatement>(
                "UPDATE ONLY deployments d SET (status, finished_at) = (3, now()), sha = DEFAULT FROM environments e " +
                "WHERE d.environment_id = e.id RETURNING *");
            Assert.True(update.Table.IsOnly);
            Assert.Equal("d", update.Table.ExposedName);
            Assert.True(update.Assignments[0].IsMultiColumn);
            Assert.Equal(new[] { "status", "finished_at" }, Names.Of(update.Assignments[0].Columns));
            Assert.IsType<RowExpression>(update.Assignments[0].Value);
            Assert.IsType<DefaultValue>(update.Assignments[1].Value);
            Assert.Equal("e", Assert.IsType<TableReference>(Assert.Single(update.From)).ExposedName);
            Assert.IsType<StarExpression>(Assert.Single(update.Returning).Expression);
        }

        [Fact]
        public void Update_without_alias_is_not_confused_by_set()
        {
            var update = Parse.Statement<UpdateStatement>("UPDATE deployments SET status = 1");
            Assert.Null(update.Table.Alias);
            Assert.Null(update.Where);
        }

        [Fact]
        public void Delete_with_alias_using_and_returning()
        {
            var delete = Parse.Statement<DeleteStatement>("DELETE FROM deployments AS d WHERE d.environment_id = @envId");
            Assert.Equal("d", delete.Table.ExposedName);
            Assert.Empty(delete.Using);
            Assert.Equal("d.environment_id", Names.Of(((BinaryExpression)delete.Where!).Left));

            var usingDelete = Parse.Statement<DeleteStatement>("DELETE FROM deployments d USING environments e WHERE d.e = e.id RETURNING d.id");
            Assert.Equal("d", usingDelete.Table.ExposedName);
            Assert.Equal("e", Assert.IsType<TableReference>(Assert.Single(usingDelete.Using)).ExposedName);
            Assert.Single(usingDelete.Returning);
        }

        [Fact]
        public void Data_modifying_statements_take_a_with_clause()
        {
            var update = Parse.Statement<UpdateStatement>("WITH batch AS (SELECT id FROM d LIMIT 10) UPDATE d SET x = 1 FROM batch WHERE d.id = batch.id");
            Assert.Equal("batch", Assert.Single(update.With!.Ctes).Name.Value);

            var insert = Parse.Statement<InsertStatement>("WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved");
            Assert.IsType<DeleteStatement>(insert.With!.Ctes[0].Statement);

            var delete = Parse.Statement<DeleteStatement>("WITH old AS (SELECT id FROM a) DELETE FROM a WHERE id IN (SELECT id FROM old)");
            Assert.NotNull(delete.With);
        }
    }
}
