using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sargable;
using Sargable.Deployments;
using Sargable.Samples.DeploymentsApi;

// dotnet run --project samples/Sargable.Samples.DeploymentsApi                      SQLite file, demo data when new
// dotnet run --project samples/Sargable.Samples.DeploymentsApi -- --postgres "Host=...;Database=...;Username=..." [--seed demo]
// Standard ASP.NET Core options apply (--urls http://localhost:5080, --environment Production).
// --otel-console prints the guard's OpenTelemetry metrics every 10 seconds (docs/observability.md).
var (hostArgs, otelConsole) = ConsoleMetrics.Take(args);
var builder = WebApplication.CreateBuilder(hostArgs);
var database = DatabaseChoice.From(builder.Configuration);

builder.Services.AddSingleton(database);
builder.Services.AddDbContext<DeploymentsDbContext>(options =>
{
    if (database.IsPostgres)
    {
        options.UseNpgsql(database.ConnectionString);
    }
    else
    {
        options.UseSqlite(database.ConnectionString);
    }

    // Throw while developing, so a slow query shape fails the request that introduced it; log in production.
    options.UseSargable(guard => guard.Mode(builder.Environment.IsDevelopment() ? SargableMode.Throw : SargableMode.Log));
});

if (otelConsole)
{
    ConsoleMetrics.AddTo(builder.Services);
}

var app = builder.Build();

// Bad input is a 400 naming the problem, a database without a free connection a 503 with Retry-After; anything else is a 500.
app.Use(ErrorResponses.HandleAsync);

// One N+1 unit of work per request: a statement repeated with different parameters more than 5 times is SARG0004.
app.Use((context, next) => SargableScope.RunAsync(context.Request.Method + " " + context.Request.Path, () => next(context)));

Endpoints.Map(app);

await DatabaseSetup.PrepareAsync(app.Services, database, app.Logger);
await app.RunAsync();

/// <summary>The entry point's type, for WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
