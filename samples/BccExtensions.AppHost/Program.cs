using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

// The sample AppHost: bcc-emulator as a process (no container runtime) and the sample host beside it. The sample gets
// ConnectionStrings__bcc through WithReference and starts only once the emulator answers a signed call (WaitFor).
IDistributedApplicationBuilder builder = DistributedApplication.CreateBuilder(args);

IResourceBuilder<BccEmulatorResource> bcc = builder.AddBccEmulator("bcc").WithSeedInstances(3);

IResourceBuilder<ProjectResource> sample = builder.AddProject<Projects.BccExtensions_Sample>("sample", launchProfileName: null)
    .WithReference(bcc)
    .WaitFor(bcc)
    .WithEnvironment("Sample__UseEmulator", "false")
    .WithHttpEndpoint(name: "http")
    .WithHttpHealthCheck("/health");

// The sample's appsettings.json names a fixed URL; here it listens where the app host's proxy sends its traffic.
EndpointReference http = sample.GetEndpoint("http");
sample.WithEnvironment(context => context.EnvironmentVariables["Urls"] = ReferenceExpression.Create($"http://127.0.0.1:{http.Property(EndpointProperty.TargetPort)}"));

builder.Build().Run();
