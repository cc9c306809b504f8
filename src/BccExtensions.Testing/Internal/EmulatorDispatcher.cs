using System.Net;
using BccExtensions.Testing.Internal.Routes;

namespace BccExtensions.Testing.Internal;

/// <summary>
/// Runs an operation's route against the state, once per clientToken: a repeated token answers the first result, and
/// the same token with another request is refused as BCC refuses it.
/// </summary>
internal sealed class EmulatorDispatcher(EmulatorState state, BccEmulatorOptions options)
{
    /// <summary>Finds the operation a request is for (BccOperationTable); among routes sharing a path, one the emulator models.</summary>
    public static KnownOperation? Find(string method, IReadOnlyList<string> segments, IReadOnlyDictionary<string, string> query) =>
        KnownOperation.Find(method, segments, query, EmulatorRoutes.ByOperation.ContainsKey);

    public EmulatorResponse Dispatch(EmulatorCall call)
    {
        lock (state.Gate)
        {
            string? token = call.QueryString("clientToken");
            state.ForgetClientTokensBefore(call.Now - options.ClientTokenLifetime);
            if (token is not null && state.ClientTokens.TryGetValue(token, out var first))
            {
                return first.Fingerprint == call.Fingerprint()
                    ? first.Response
                    : throw EmulatorError.Conflict(BccErrorCodes.IdempotentParameterMismatch, "The clientToken was used with a different request.");
            }

            EmulatorResponse response = EmulatorRoutes.ByOperation.TryGetValue(call.Operation.Name, out EmulatorRoute? route)
                ? route(call, state)
                : throw EmulatorError.NotModelled(call.Operation);
            AnswerShape.Check(call.Operation.Name, response.Body);
            if (token is not null && response.Status == HttpStatusCode.OK)
            {
                state.RememberClientToken(token, call.Fingerprint(), response, call.Now);
            }

            // Reads change nothing a restart would not recompute (transitions complete on the clock); every other
            // call is kept before it is answered.
            if (call.Operation.Method != "GET")
            {
                state.Persist(call.Now);
            }

            return response;
        }
    }
}
