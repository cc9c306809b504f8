using System.Globalization;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Snapshots beyond their lifecycle: attributes and retention, shares with other accounts, copies to other regions,
/// usage, and snapshot chains (one per volume with snapshots) with their tags.
/// </summary>
internal static class SnapshotSharingRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ModifySnapshotAttribute", (call, state) =>
        {
            EmulatedSnapshot snapshot = state.FindSnapshot(call.PathValue("snapshotId"), call.Now);
            snapshot.Name = call.String("snapshotName") ?? snapshot.Name;
            snapshot.Description = call.String("desc") ?? snapshot.Description;
            if (call.Int("retentionInDays") is { } days)
            {
                snapshot.ExpireTime = days < 0 ? null : snapshot.CreateTime.AddDays(days);
            }

            return EmulatorResponse.Ok();
        }),
        new("CreateSnapshotShare", Share),
        new("CancelSnapshotShare", (call, state) =>
        {
            string source = call.RequiredString("sourceSnapshotId");
            string? share = call.String("shareSnapshotId");
            IReadOnlyList<string> accounts = call.Strings("accountIds");
            int removed = state.Records.RemoveAll(r => r.Kind == RecordKind.SnapshotShare.Name
                && r.Text("sourceSnapshotId") == source
                && (share is null || r.Id == share)
                && (accounts.Count == 0 || accounts.Contains(r.Text("accountId") ?? string.Empty)));
            return removed == 0
                ? throw EmulatorError.NotFound($"A share of snapshot {source}")
                : EmulatorResponse.Ok(new JsonObject { ["sourceSnapshotId"] = source, ["shareSnapshotId"] = share ?? string.Empty });
        }),
        new("ListSnapshotShare", (call, state) =>
        {
            List<EmulatedRecord> shares = state.RecordsOf(RecordKind.SnapshotShare, call.Now);
            shares.ForEach(s => s.Fields["isSourceDeleted"] = !state.Snapshots.Any(snapshot => snapshot.Id == s.Text("sourceSnapshotId")));
            return EmulatorPaging.Page(call, shares, "result", s => s.ToJson("SnapshotShare", "shareStatus"));
        }),
        new("RemoteCopySnapshot", (call, state) =>
        {
            EmulatedSnapshot snapshot = state.FindSnapshot(call.PathValue("snapshotId"), call.Now);
            snapshot.RequireStatus("Snapshot.RemoteCopyOperationForbidden", "Available");
            IReadOnlyList<JsonObject> destinations = call.Objects("destRegionInfos");
            if (destinations.Count == 0)
            {
                throw EmulatorError.BadRequest("'destRegionInfos' is required.");
            }

            var result = new JsonArray();
            foreach (JsonObject destination in destinations)
            {
                string region = destination["destRegion"]?.GetValue<string>() ?? throw EmulatorError.BadRequest("Every item of 'destRegionInfos' needs a destRegion.");
                state.RequireOtherRegion(region);
                result.Add((JsonNode)new JsonObject { ["region"] = region, ["snapshotId"] = EmulatorState.NewId("s") });
            }

            return EmulatorResponse.Ok(new JsonObject { ["result"] = result });
        }),
        new("DescribeSnapshotsUsage", (call, state) => EmulatorResponse.Ok(new JsonObject
        {
            ["snapshotCount"] = state.Snapshots.Count,
            ["autoSnapshotCount"] = 0,
            ["manualSnapshotCount"] = state.Snapshots.Count,
            ["snapshotCapacity"] = state.Snapshots.Sum(s => s.SizeInGB),
        })),
        new("ListSnapchain", ListChains),
        new("BindTagSnapchain", (call, state) => TagsRoutes.Change(call, FindChain(call, state), bind: true)),
        new("UnbindTagSnapchain", (call, state) => TagsRoutes.Change(call, FindChain(call, state), bind: false)),
    ];

    private static EmulatorResponse Share(EmulatorCall call, EmulatorState state)
    {
        EmulatedSnapshot snapshot = state.FindSnapshot(call.RequiredString("snapshotId"), call.Now);
        snapshot.RequireStatus("Snapshot.ShareOperationForbidden", "Available");
        IReadOnlyList<string> accounts = call.Strings("accountIds");
        if (accounts.Count == 0)
        {
            throw EmulatorError.BadRequest("'accountIds' is required.");
        }

        foreach (string account in accounts.Where(a => !state.Records.Any(r => r.Kind == RecordKind.SnapshotShare.Name && r.Text("sourceSnapshotId") == snapshot.Id && r.Text("accountId") == a)))
        {
            EmulatedRecord share = state.AddRecord(RecordKind.SnapshotShare, new JsonObject
            {
                ["sourceSnapshotId"] = snapshot.Id,
                ["sourceAccountId"] = EmulatorState.AccountId,
                ["accountId"] = account,
                ["snapshotType"] = "manual",
                ["name"] = snapshot.Name,
                ["sizeInGB"] = snapshot.SizeInGB,
                ["shareTime"] = EmulatedResource.Timestamp(call.Now),
                ["desc"] = snapshot.Description,
            }, "Available", call.Now);
            share.Fields["snapshotId"] = share.Id;
        }

        return EmulatorResponse.Ok(new JsonObject { ["snapshotId"] = snapshot.Id });
    }

    /// <summary>Lists the chains, page by page (<c>pageNo</c>, <c>pageSize</c>), ordered by <c>orderBy</c> and <c>order</c>.</summary>
    private static EmulatorResponse ListChains(EmulatorCall call, EmulatorState state)
    {
        int pageNo = Positive(call, "pageNo") ?? 1;
        int pageSize = Positive(call, "pageSize") ?? 1000;
        string orderBy = call.QueryString("orderBy") ?? "createTime";
        List<JsonObject> chains = [.. Chains(state).Select(c => Describe(c, state))];
        IEnumerable<JsonObject> ordered = orderBy switch
        {
            "createTime" or "chainSize" or "volumeSize" or "chainId" => chains.OrderBy(c => c[orderBy]?.ToJsonString(), StringComparer.Ordinal),
            _ => throw EmulatorError.BadRequest($"'orderBy' must be createTime, chainSize, volumeSize or chainId, not '{orderBy}'."),
        };
        if (call.QueryString("order") is "desc")
        {
            ordered = ordered.Reverse();
        }

        List<JsonObject> page = [.. ordered.Skip((pageNo - 1) * pageSize).Take(pageSize)];
        return EmulatorResponse.Ok(new JsonObject
        {
            ["orderBy"] = orderBy,
            ["totalCount"] = chains.Count,
            ["pageSize"] = pageSize,
            ["pageNo"] = pageNo,
            ["isTruncated"] = pageNo * pageSize < chains.Count,
            ["snapchains"] = new JsonArray([.. page]),
        });
    }

    private static int? Positive(EmulatorCall call, string name) => call.QueryString(name) is not { } text
        ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : throw EmulatorError.BadRequest($"'{name}' must be a positive number.");

    /// <summary>Finds a chain to tag; its record is kept from then on.</summary>
    private static EmulatedRecord FindChain(EmulatorCall call, EmulatorState state)
    {
        string id = call.PathValue("chainId");
        EmulatedRecord chain = Chains(state).FirstOrDefault(c => c.Id == id) ?? throw EmulatorError.NotFound($"Snapshot chain {id}");
        if (!state.Records.Contains(chain))
        {
            state.Records.Add(chain);
        }

        return chain;
    }

    /// <summary>
    /// Gets the chain of every volume that has snapshots. A chain's id follows from its volume's, so reading chains
    /// changes nothing; a chain's record is kept once it is tagged.
    /// </summary>
    private static IEnumerable<EmulatedRecord> Chains(EmulatorState state) =>
        state.Snapshots.GroupBy(s => s.VolumeId).Select(snapshots =>
        {
            string id = "sc-" + snapshots.Key.Split('-', 2)[^1];
            EmulatedRecord? kept = state.Records.FirstOrDefault(r => r.Kind == RecordKind.SnapshotChain.Name && r.Id == id);
            if (kept is not null)
            {
                return kept;
            }

            var chain = new EmulatedRecord
            {
                Id = id,
                Kind = RecordKind.SnapshotChain.Name,
                Fields = new JsonObject { ["volumeId"] = snapshots.Key, ["createTime"] = EmulatedResource.Timestamp(snapshots.Min(s => s.CreateTime)) },
            };
            chain.Transition("Available", "Available", DateTimeOffset.MinValue, TimeSpan.Zero);
            return chain;
        });

    private static JsonObject Describe(EmulatedRecord chain, EmulatorState state)
    {
        string volumeId = chain.Text("volumeId")!;
        List<EmulatedSnapshot> snapshots = [.. state.Snapshots.Where(s => s.VolumeId == volumeId)];
        EmulatedVolume? volume = state.Volumes.FirstOrDefault(v => v.Id == volumeId);
        return new JsonObject
        {
            ["status"] = chain.Status,
            ["instanceId"] = volume?.InstanceId ?? string.Empty,
            ["userId"] = EmulatorState.AccountId,
            ["chainSize"] = EmulatedRecord.Count(snapshots.Sum(s => s.SizeInGB)),
            ["chainId"] = chain.Id,
            ["volumeId"] = volumeId,
            ["manualSnapCount"] = snapshots.Count,
            ["autoSnapCount"] = 0,
            ["volumeSize"] = volume?.SizeInGB ?? 0,
            ["createTime"] = chain.Text("createTime"),
        };
    }
}
