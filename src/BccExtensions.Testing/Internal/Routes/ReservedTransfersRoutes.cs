using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Transfers of reserved instances between accounts. The emulator is one account: a transfer it makes is listed as
/// going out, and one made to its own account (<see cref="EmulatorState.AccountId"/>) also as coming in, where it can be
/// accepted or refused. A transfer is Pending until accepted (Succeed), refused (Refused) or revoked (Revoked).
/// </summary>
internal static class ReservedTransfersRoutes
{
    private const string Pending = "Pending";

    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateReservedInstanceTransfer", (call, state) =>
        {
            string recipient = call.RequiredString("recipientAccountId");
            IReadOnlyList<string> ids = call.Strings("reservedInstanceIds");
            if (ids.Count == 0)
            {
                throw EmulatorError.BadRequest("'reservedInstanceIds' is required.");
            }

            var records = new JsonArray();
            foreach (EmulatedRecord reserved in ids.Select(id => state.FindRecord(RecordKind.ReservedInstance, id, call.Now)).ToList())
            {
                if (Transfers(state, call.Now).Any(t => t.Status == Pending && t.Text("reservedInstanceId") == reserved.Id))
                {
                    throw EmulatorError.Conflict("ReservedInstance.TransferInProgress", $"{reserved.Id} has a pending transfer.");
                }

                EmulatedRecord transfer = state.AddRecord(RecordKind.ReservedTransfer, new JsonObject
                {
                    ["reservedInstanceId"] = reserved.Id,
                    ["grantorUserId"] = EmulatorState.AccountId,
                    ["recipientUserId"] = recipient,
                    ["applicationTime"] = EmulatedResource.Timestamp(call.Now),
                    ["expireTime"] = EmulatedResource.Timestamp(call.Now.AddDays(7)),
                    ["endTime"] = string.Empty,
                }, Pending, call.Now);
                transfer.Fields["transferRecordId"] = transfer.Id;
                records.Add((JsonNode)transfer.Id);
            }

            return EmulatorResponse.Ok(records);
        }),
        new("ListReservedInstanceTransferOut", (call, state) => List(call, state, Transfers(state, call.Now), "TransferOutRecord")),
        new("ListReservedInstanceTransferIn", (call, state) => List(call, state, Transfers(state, call.Now).Where(t => t.Text("recipientUserId") == EmulatorState.AccountId), "TransferInRecord")),
        new("AcceptReservedInstanceTransfer", (call, state) =>
        {
            EmulatedRecord transfer = Incoming(state, call.RequiredString("transferRecordId"), call.Now);
            RequirePending(transfer);
            EhcClustersRoutes.Require(state, call.String("ehcClusterId"), call.Now);
            End(transfer, "Succeed", call.Now);
            EmulatedRecord reserved = state.FindRecord(RecordKind.ReservedInstance, transfer.Text("reservedInstanceId")!, call.Now);
            reserved.Fields["transferIn"] = true;
            reserved.Fields["grantorUserId"] = transfer.Text("grantorUserId");
            reserved.Fields["transferInTime"] = EmulatedResource.Timestamp(call.Now);
            reserved.Fields["ehcClusterId"] = call.String("ehcClusterId") ?? reserved.Text("ehcClusterId");
            return EmulatorResponse.Ok();
        }),
        new("RefuseReservedInstanceTransfer", (call, state) => EndAll(call, state, "Refused", incoming: true)),
        new("RevokeReservedInstanceTransfer", (call, state) => EndAll(call, state, "Revoked", incoming: false)),
    ];

    private static List<EmulatedRecord> Transfers(EmulatorState state, DateTimeOffset now) => state.RecordsOf(RecordKind.ReservedTransfer, now);

    private static EmulatorResponse List(EmulatorCall call, EmulatorState state, IEnumerable<EmulatedRecord> transfers, string type)
    {
        IReadOnlyList<string> reserved = call.Strings("reservedInstanceIds");
        IReadOnlyList<string> ids = call.Strings("transferRecordIds");
        transfers = transfers
            .Where(t => reserved.Count == 0 || reserved.Contains(t.Text("reservedInstanceId") ?? string.Empty))
            .Where(t => ids.Count == 0 || ids.Contains(t.Id));
        transfers = EmulatorRoutes.Filter(transfers, call.String("status"), (t, v) => t.Status == v);
        transfers = EmulatorRoutes.Filter(transfers, call.String("spec"), (t, v) => state.Records.Any(r => r.Id == t.Text("reservedInstanceId") && r.Text("spec") == v));
        List<EmulatedRecord> listed = transfers.ToList();
        EmulatorResponse page = EmulatorPaging.Page(call, listed, "transferRecords", t =>
        {
            JsonObject json = t.ToJson(type);
            if (state.Records.FirstOrDefault(r => r.Id == t.Text("reservedInstanceId")) is { } info)
            {
                json["reservedInstanceInfo"] = ReservedInstancesRoutes.Json(info, state, call.Now);
            }

            return json;
        });
        page.Body!["totalCount"] = listed.Count;
        return page;
    }

    /// <summary>Finds a pending transfer made to the emulator's own account.</summary>
    private static EmulatedRecord Incoming(EmulatorState state, string id, DateTimeOffset now)
    {
        EmulatedRecord transfer = state.FindRecord(RecordKind.ReservedTransfer, id, now);
        if (transfer.Text("recipientUserId") != EmulatorState.AccountId)
        {
            throw EmulatorError.NotFound($"Incoming transfer {id}");
        }

        return transfer;
    }

    private static EmulatorResponse EndAll(EmulatorCall call, EmulatorState state, string status, bool incoming)
    {
        IReadOnlyList<string> ids = call.Strings("transferRecordIds");
        if (ids.Count == 0)
        {
            throw EmulatorError.BadRequest("'transferRecordIds' is required.");
        }

        List<EmulatedRecord> transfers = [.. ids.Select(id => incoming ? Incoming(state, id, call.Now) : state.FindRecord(RecordKind.ReservedTransfer, id, call.Now))];
        transfers.ForEach(RequirePending); // all or none
        transfers.ForEach(t => End(t, status, call.Now));
        return EmulatorResponse.Ok();
    }

    private static void RequirePending(EmulatedRecord transfer) => transfer.RequireStatus("ReservedInstance.TransferStatusForbidden", Pending);

    private static void End(EmulatedRecord transfer, string status, DateTimeOffset now)
    {
        transfer.Status = status;
        transfer.Fields["endTime"] = EmulatedResource.Timestamp(now);
    }
}
