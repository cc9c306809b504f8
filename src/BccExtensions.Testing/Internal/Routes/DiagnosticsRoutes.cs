using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Instance diagnostics: the metric sets one can run, and reports that go Diagnosing → Finished on the emulator's clock.</summary>
internal static class DiagnosticsRoutes
{
    /// <summary>The metric sets a diagnosis can run: id → (name, what it checks).</summary>
    private static readonly Dictionary<string, (string Name, string Description)> s_metricSets = new(StringComparer.Ordinal)
    {
        ["ms-system"] = ("System", "CPU, memory and load of the guest"),
        ["ms-network"] = ("Network", "Interfaces, routes and security group reachability"),
        ["ms-disk"] = ("Disk", "Volume attachment, file systems and I/O latency"),
    };

    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("GetDiagnosticSchemas", (call, state) => EmulatorResponse.Ok(new JsonObject
        {
            ["metricSetList"] = new JsonArray([.. s_metricSets.Select(m => (JsonNode)new JsonObject
            {
                ["metricSetId"] = m.Key,
                ["metricSetName"] = m.Value.Name,
                ["description"] = m.Value.Description,
                ["supportText"] = "linux,windows",
            })]),
        })),
        new("CreateDiagnostic", (call, state) =>
        {
            EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
            instance.RequireStatus("Instance.DiagnosticOperationForbidden", "Running");
            string metricSet = call.RequiredString("metricSetId");
            if (!s_metricSets.ContainsKey(metricSet))
            {
                throw EmulatorError.BadRequest($"Unknown metricSetId '{metricSet}' (one of {string.Join(", ", s_metricSets.Keys)}).");
            }

            EmulatedRecord report = state.AddRecord(RecordKind.DiagnosticReport, new JsonObject
            {
                ["instanceType"] = call.String("instanceType") ?? "BCC",
                ["instanceId"] = instance.Id,
                ["metricSetId"] = metricSet,
                ["createdTime"] = EmulatedResource.Timestamp(call.Now),
                ["result"] = "normal",
                ["issues"] = new JsonArray(),
            }, "Diagnosing", call.Now);
            report.Transition("Diagnosing", "Finished", call.Now, state.TransitionDelay);
            report.Fields["reportId"] = report.Id;
            return EmulatorResponse.Ok(new JsonObject { ["reportId"] = report.Id });
        }),
        new("ListDiagnosticReport", (call, state) =>
        {
            IEnumerable<EmulatedRecord> reports = state.RecordsOf(RecordKind.DiagnosticReport, call.Now);
            reports = EmulatorRoutes.Filter(reports, call.String("instanceId"), (r, v) => r.Text("instanceId") == v);
            reports = EmulatorRoutes.Filter(reports, call.String("instanceType"), (r, v) => r.Text("instanceType") == v);
            reports = EmulatorRoutes.Filter(reports, call.String("reportId"), (r, v) => r.Id == v);
            reports = EmulatorRoutes.Filter(reports, call.String("status"), (r, v) => r.Status == v);
            reports = EmulatorRoutes.Filter(reports, call.String("severity"), (r, v) => r.Text("result") == v);
            return EmulatorPaging.Page(call, reports.ToList(), "diagnosticReports", r => r.ToJson("DiagnosticReport"));
        }),
        new("DeleteDiagnosticReport", (call, state) =>
        {
            List<EmulatedRecord> reports = [.. call.Strings("reportIds").Select(id => state.FindRecord(RecordKind.DiagnosticReport, id, call.Now))];
            if (reports.Count == 0)
            {
                throw EmulatorError.BadRequest("'reportIds' is required.");
            }

            state.Records.RemoveAll(reports.Contains);
            return EmulatorResponse.Ok();
        }),
    ];
}
