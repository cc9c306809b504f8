using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace BccExtensions.Tests.Conventions;

/// <summary>House rules of the public surface, held by reflection over the shipped assembly (Octokit style).</summary>
public sealed class PublicSurfaceTests
{
    private static readonly Type[] s_public = typeof(IBccClient).Assembly.GetExportedTypes();

    private static IEnumerable<MethodInfo> ClientMethods => s_public
        .Where(IsSubClient)
        .SelectMany(t => t.GetMethods())
        .Where(m => !m.IsSpecialName);

    [Fact]
    public void Namespaces_EntryTypesInBccExtensions_ModelsInBccExtensionsModels()
    {
        // Besides IBccClient's sub-client interfaces, the entry types stay few: the client, options, credentials, errors.
        string[] entry = [.. s_public.Where(t => t.Namespace == "BccExtensions" && !IsSubClient(t)).Select(t => t.Name)];
        string[] other = [.. s_public.Where(t => t.Namespace is not ("BccExtensions" or "BccExtensions.Models" or "Microsoft.Extensions.DependencyInjection")).Select(t => t.FullName!)];

        Assert.InRange(entry.Length, 10, 20);
        Assert.Empty(other);
        Assert.All(s_public.Where(t => t.Namespace == "BccExtensions.Models"), t => Assert.False(IsSubClient(t), t.Name));
    }

    [Fact]
    public void SubClients_AtMostThirtyOperations()
    {
        // A sub-client a reader can take in at once, and a mock that stays small: larger areas nest (Instances.Network).
        // An operation is one method name; its …PageAsync twin and its short forms are the same operation.
        var sizes = s_public
            .Where(IsSubClient)
            .Select(t => (t.Name, Operations: t.GetMethods().Where(m => !m.IsSpecialName && !m.Name.EndsWith("PageAsync", StringComparison.Ordinal)).Select(m => m.Name).Distinct().Count()))
            .ToList();

        Assert.Contains(sizes, s => s.Name == "IBccInstancesClient");
        Assert.All(sizes, s => Assert.True(s.Operations <= 30, $"{s.Name} has {s.Operations} operations (at most 30)"));
    }

    [Fact]
    public void PublicNames_NoWireTyposAbbreviationsOrSecondSpellings()
    {
        // The wire's names stay on [JsonPropertyName] and in the docs' wire-type remarks; public names spell each word
        // one way (KeyPair, DeploymentSet, AutoSnapshotPolicy, Volume, Prepaid) and carry no wire suffix (Model, Vo, Bo).
        string[] bannedWords = ["Asp", "Az", "Bo", "Catagory", "Del", "Desc", "Inst", "Intstance", "Keypair", "Model", "Prepay", "Snapchain", "Statis", "Topo", "Vm", "Vo"];
        string[] bannedFragments = ["CDS", "DeploySet", "UnShare", "Keypair"];
        var names = s_public.Select(t => t.Name)
            .Concat(ClientMethods.Select(m => m.Name))
            .Concat(s_public.Where(IsSubClient).SelectMany(t => t.GetProperties()).Select(p => p.Name))
            .Distinct();

        // Properties may name a model (CpuModel); they spell out the wire's short forms (propertyNames in spec/operation-map.json).
        string[] bannedInProperties = ["Asp", "Cnt", "Deployset", "Dest", "Dir", "Err", "Gb", "Ht", "ID", "IO", "Insnap", "Intstance", "Keypair", "Msg", "Num", "Res", "Sg", "Statis", "Sys", "Topo"];
        string[] properties = [.. s_public.Where(t => t.Namespace == "BccExtensions.Models").SelectMany(t => t.GetProperties()).Select(p => p.Name).Distinct()];

        var offenders = names.Where(name => Words(name).Any(bannedWords.Contains) || bannedFragments.Any(f => name.Contains(f, StringComparison.Ordinal)))
            .Concat(properties.Where(name => Words(name).Any(bannedInProperties.Contains) || bannedFragments.Concat(["PrePay", "PostPay"]).Any(f => name.Contains(f, StringComparison.Ordinal))))
            .ToList();

        Assert.True(names.Count() > 500 && properties.Length > 500, $"{names.Count()} type and method names, {properties.Length} property names");
        Assert.Empty(offenders);
    }

    [Fact]
    public void RequestsAndResponses_NamedAfterTheSameOperation()
    {
        // XRequest in, XResponse out; an answer several operations share is named for what it holds (BatchOperationResponse).
        var pairs = ClientMethods
            .Select(m => (Method: m, Request: m.GetParameters().Select(p => p.ParameterType.Name).FirstOrDefault(n => n.EndsWith("Request", StringComparison.Ordinal)), Response: Unwrap(m.ReturnType).Name))
            .Where(p => p.Request is not null && p.Response.EndsWith("Response", StringComparison.Ordinal))
            .ToList();
        var shared = pairs.GroupBy(p => p.Response).Where(g => g.Select(p => p.Request).Distinct().Count() > 1).Select(g => g.Key).ToHashSet();

        var offenders = pairs
            .Where(p => !shared.Contains(p.Response) && p.Request![..^"Request".Length] != p.Response[..^"Response".Length])
            .Select(p => $"{p.Method.DeclaringType!.Name}.{p.Method.Name}: {p.Request} -> {p.Response}")
            .Distinct()
            .ToList();

        Assert.True(pairs.Count > 50, $"{pairs.Count} request-response pairs");
        Assert.Empty(offenders);
    }

    [Fact]
    public void ClientMethods_AsyncWithTheCancellationTokenLast()
    {
        Assert.All(ClientMethods, method =>
        {
            Assert.EndsWith("Async", method.Name, StringComparison.Ordinal);
            ParameterInfo[] parameters = method.GetParameters();
            ParameterInfo last = parameters[^1];
            bool shortForm = parameters[..^1].All(p => p.ParameterType == typeof(string)); // (ids…, CancellationToken): the token is required there
            Assert.True(last.ParameterType == typeof(CancellationToken) && (last.HasDefaultValue || shortForm), $"{method.DeclaringType!.Name}.{method.Name}: CancellationToken cancellationToken = default comes last");
        });
    }

    [Fact]
    public void ClientMethods_WithAnOptionalRequest_AlsoTakeTheTokenRightAfterTheIds()
    {
        var optional = ClientMethods.Where(m => m.GetParameters() is [.., { HasDefaultValue: true, ParameterType.IsClass: true }, { ParameterType.IsValueType: true }] parameters
            && parameters[..^2].All(p => p.ParameterType == typeof(string))).ToList();

        Assert.True(optional.Count > 50, $"{optional.Count} methods with an optional request");
        Assert.All(optional, method =>
        {
            Type[] shortForm = [.. method.GetParameters()[..^2].Select(p => p.ParameterType), typeof(CancellationToken)];
            Assert.True(method.DeclaringType!.GetMethod(method.Name, shortForm) is not null, $"{method.DeclaringType.Name}.{method.Name}(ids…, CancellationToken)");
        });
    }

    [Fact]
    public void Listers_PagedAlike()
    {
        var listers = ClientMethods.Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)).ToList();

        Assert.NotEmpty(listers);
        Assert.All(listers, lister =>
        {
            Type[] parameters = [.. lister.GetParameters().Select(p => p.ParameterType)];
            MethodInfo? page = lister.DeclaringType!.GetMethod(lister.Name[..^"Async".Length] + "PageAsync", parameters);
            Assert.True(page is not null, $"{lister.DeclaringType.Name}.{lister.Name} has a …PageAsync twin with the same parameters");
            Type item = lister.ReturnType.GetGenericArguments()[0];
            Assert.Equal(typeof(Task<>).MakeGenericType(typeof(BccPage<>).MakeGenericType(item)), page!.ReturnType);
        });
    }

    [Fact]
    public void Listers_ReturnItemsNotAnswers()
    {
        // Marker-paged listers stream (IAsyncEnumerable), one-answer listers return the list; only a page-number paged
        // lister returns its page, since BCC's page numbers are the caller's to choose.
        string[] pageNumbered = ["IBccSnapshotsClient.ListChainsAsync"];
        var offenders = ClientMethods
            .Where(m => m.Name.StartsWith("List", StringComparison.Ordinal) && !m.Name.EndsWith("PageAsync", StringComparison.Ordinal))
            .Where(m => !pageNumbered.Contains($"{m.DeclaringType!.Name}.{m.Name}"))
            .Where(m => !m.ReturnType.IsGenericType || (m.ReturnType.GetGenericTypeDefinition() != typeof(IAsyncEnumerable<>)
                && !(m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) && Unwrap(m.ReturnType) is { IsGenericType: true } list && list.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name} returns {m.ReturnType.Name}")
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>
    /// Requests are init-only: built once, then sent. Answer models are settable, because System.Text.Json reads
    /// init-only properties like constructor arguments, boxing every value first (docs/benchmarks.md), and a model is
    /// one or the other, never a mix. Collections are read-only interfaces either way.
    /// </summary>
    [Fact]
    public void Models_ReadOnlyCollections_RequestsInitOnly_AnswersSettable()
    {
        Assert.All(s_public.Where(t => t.Namespace == "BccExtensions.Models" && t.IsClass), model =>
        {
            bool[] initOnly = [.. model.GetProperties()
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))];
            Assert.True(initOnly.Distinct().Count() <= 1, $"{model.Name} mixes init-only and settable properties");
            Assert.False(model.Name.EndsWith("Request", StringComparison.Ordinal) && initOnly.Contains(false), $"{model.Name} is a request with a settable property");
            Assert.False(model.Name.EndsWith("Response", StringComparison.Ordinal) && initOnly.Contains(true), $"{model.Name} is an answer with an init-only property");
            foreach (PropertyInfo property in model.GetProperties())
            {
                Type type = property.PropertyType;
                Assert.False(type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(List<>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>)), $"{model.Name}.{property.Name} is a mutable collection");
            }
        });
    }

    [Fact]
    public void PublicSignatures_NoJsonDocumentTypes()
    {
        Type[] raw = [typeof(JsonNode), typeof(JsonObject), typeof(JsonArray), typeof(JsonDocument)];
        var offenders = ClientMethods.Where(m => raw.Contains(Unwrap(m.ReturnType)) || m.GetParameters().Any(p => raw.Contains(p.ParameterType)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void SharedModels_NoTwoWithTheSameMembers()
    {
        // Each operation has its own request and response (as in AWS's SDKs); the models they share must not repeat
        // one another, or users convert between twins (SecurityGroupRule once had two).
        var twins = s_public
            .Where(t => t.Namespace == "BccExtensions.Models" && t.IsClass && !t.Name.EndsWith("Request", StringComparison.Ordinal) && !t.Name.EndsWith("Response", StringComparison.Ordinal))
            .GroupBy(t => string.Join(";", t.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + ":" + p.PropertyType)))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" = ", g.Select(t => t.Name)))
            .ToList();

        Assert.Empty(twins);
    }

    [Theory]
    [InlineData("BccExtensions.xml")]
    [InlineData("BccExtensions.Testing.xml")]
    public void XmlDocs_OneSummaryPerMember(string file)
    {
        string[] doubled = [.. DocMembers(file).Where(m => m.Elements("summary").Count() > 1).Select(m => (string)m.Attribute("name")!)];

        Assert.Empty(doubled);
    }

    [Theory]
    [InlineData("BccExtensions.xml")]
    [InlineData("BccExtensions.Testing.xml")]
    public void XmlDocs_TypesAndMethodsSayMoreThanTheirName(string file)
    {
        string[] restating = [.. DocMembers(file)
            .Where(m => ((string)m.Attribute("name")!)[0] is 'T' or 'M' && !((string)m.Attribute("name")!).Contains("#ctor", StringComparison.Ordinal))
            .Where(m => Summary(m) is { } summary && (summary.Length < 16 || Restates(summary, MemberName(m))))
            .Select(m => $"{(string)m.Attribute("name")!}: {Summary(m)}")];

        Assert.Empty(restating);
    }

    [Fact]
    public void XmlDocs_PropertiesRestatingTheirNameDoNotGrow()
    {
        // Baidu describes request parameters but few answer members; an answer member without a description says what
        // its name says. The hand-written and request docs never do; this count only goes down (fieldDocs in spec/operation-map.json).
        const int Undescribed = 853;
        string[] restating = [.. DocMembers("BccExtensions.xml")
            .Where(m => ((string)m.Attribute("name")!).StartsWith("P:", StringComparison.Ordinal))
            .Where(m => Summary(m) is { } summary && Restates(summary, MemberName(m)))
            .Select(m => (string)m.Attribute("name")!)];

        Assert.True(restating.Length <= Undescribed, $"{restating.Length} property summaries restate their name (at most {Undescribed}): {string.Join(", ", restating.Take(20))}");
        Assert.DoesNotContain(restating, name => !name.StartsWith("P:BccExtensions.Models.", StringComparison.Ordinal));
    }

    // "GetAspResponse" -> Get, Asp, Response; "CDSVolume" -> CDS, Volume.
    private static IEnumerable<string> Words(string name) =>
        System.Text.RegularExpressions.Regex.Matches(name, "[A-Z]+(?![a-z])|[A-Z][a-z0-9]*").Select(m => m.Value);

    private static bool IsSubClient(Type type) =>
        type.IsInterface && type != typeof(IBccClient) && type.Name.StartsWith("IBcc", StringComparison.Ordinal) && type.Name.EndsWith("Client", StringComparison.Ordinal);

    private static IEnumerable<XElement> DocMembers(string file) =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, file)).Root!.Element("members")!.Elements("member");

    private static string? Summary(XElement member) =>
        member.Element("summary") is { } summary ? string.Join(' ', summary.Value.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)) : null;

    // "Gets the instance id." or "Instance ID." for InstanceId.
    private static bool Restates(string summary, string member)
    {
        string core = summary.Trim().TrimEnd('.');
        string? prefix = ((string[])["Gets or sets the ", "Gets or sets ", "Gets the ", "Gets whether ", "Gets ", "The "])
            .FirstOrDefault(p => core.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        core = prefix is null ? core : core[prefix.Length..];
        return string.Equals(core.Replace(" ", string.Empty, StringComparison.Ordinal), member, StringComparison.OrdinalIgnoreCase);
    }

    private static string MemberName(XElement member)
    {
        string name = ((string)member.Attribute("name")!)[2..];
        int parameters = name.IndexOf('(', StringComparison.Ordinal);
        name = parameters < 0 ? name : name[..parameters];
        return name[(name.LastIndexOf('.') + 1)..].Split('`')[0];
    }

    private static Type Unwrap(Type type) => type.IsGenericType ? type.GetGenericArguments()[0] : type;
}
