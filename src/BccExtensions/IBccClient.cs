namespace BccExtensions;

/// <summary>
/// The BCC (Baidu Cloud Compute) client of one registration, with one sub-client per API area.
/// </summary>
/// <remarks>
/// Registered as a singleton and safe to inject anywhere, including singletons and <c>BackgroundService</c>s:
/// it holds no <see cref="HttpClient"/> of its own but takes one from <see cref="IHttpClientFactory"/> for each
/// call, so pooled handlers keep rotating (DNS changes, proxy reloads) however long the client lives. All members
/// are thread-safe. The sub-client properties are generated from Baidu's metadata (docs/api-coverage.md).
/// </remarks>
public partial interface IBccClient;
