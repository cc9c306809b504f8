using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace BccExtensions.Tests.Helpers;

/// <summary>
/// Records the measurements of one BccExtensions instrument whose tags pass a filter (instruments are process-wide,
/// so a test keeps only its own host's measurements).
/// </summary>
public sealed class MeasurementRecorder<T> : IDisposable
    where T : struct
{
    private readonly MeterListener _listener;

    public MeasurementRecorder(string instrumentName, Func<IReadOnlyDictionary<string, object?>, bool> keep)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BccTelemetry.MeterName && instrument.Name == instrumentName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (keep(map))
            {
                Measurements.Enqueue((value, map));
            }
        });
        _listener.Start();
    }

    public ConcurrentQueue<(T Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    public void Dispose() => _listener.Dispose();
}
