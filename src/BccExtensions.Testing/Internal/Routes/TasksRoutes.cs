using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Tasks: the record an operation that answers a <c>taskId</c> leaves, with its progress per resource.</summary>
internal static class TasksRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("GetTask", (call, state) =>
        {
            IReadOnlyList<string> ids = call.Strings("taskIds");
            if (ids.Count == 0)
            {
                throw EmulatorError.BadRequest("'taskIds' is required.");
            }

            return EmulatorResponse.Ok(new JsonObject
            {
                ["tasks"] = new JsonArray([.. ids.Select(id => (JsonNode)Json(state.FindRecord(RecordKind.Task, id, call.Now)))]),
            });
        }),
        new("ListTask", (call, state) =>
        {
            IEnumerable<EmulatedRecord> tasks = state.RecordsOf(RecordKind.Task, call.Now);
            IReadOnlyList<string> ids = call.Strings("taskIds");
            IReadOnlyList<string> resources = call.Strings("resourceIds");
            tasks = tasks.Where(t => ids.Count == 0 || ids.Contains(t.Id));
            tasks = tasks.Where(t => resources.Count == 0 || t.Texts("resourceIds").Any(resources.Contains));
            tasks = EmulatorRoutes.Filter(tasks, call.String("taskAction"), (t, v) => t.Text("taskAction") == v);
            tasks = EmulatorRoutes.Filter(tasks, call.String("taskStatus"), (t, v) => t.Status == v);
            return EmulatorPaging.Page(call, tasks.ToList(), "tasks", Json);
        }),
    ];

    /// <summary>Records a task that acted on <paramref name="resourceIds"/>, finished at once; returns its id.</summary>
    public static string Record(EmulatorState state, string action, IReadOnlyList<string> resourceIds, DateTimeOffset now)
    {
        EmulatedRecord task = state.AddRecord(RecordKind.Task, new JsonObject
        {
            ["taskAction"] = action,
            ["createdTime"] = EmulatedResource.Timestamp(now),
            ["finishedTime"] = EmulatedResource.Timestamp(now),
            ["resourceIds"] = new JsonArray([.. resourceIds.Select(id => (JsonNode)id)]),
        }, "succeed", now);
        task.Fields["taskId"] = task.Id;
        return task.Id;
    }

    private static JsonObject Json(EmulatedRecord task)
    {
        List<string> resources = [.. task.Texts("resourceIds")];
        JsonObject json = task.ToJson("BccTask", "taskStatus");
        json["totalCount"] = resources.Count;
        json["successCount"] = resources.Count;
        json["failedCount"] = 0;
        json["operationProgressSet"] = new JsonArray([.. resources.Select(id => (JsonNode)new JsonObject
        {
            ["resourceId"] = id,
            ["operationStatus"] = "succeed",
            ["code"] = string.Empty,
            ["errorMessage"] = string.Empty,
        })]);
        return json;
    }
}
