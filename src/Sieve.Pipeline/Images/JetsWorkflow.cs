using System.Diagnostics;
using System.Globalization;
using Sieve.Core.Jets;
using Sieve.IO;

namespace Sieve.Pipeline.Images;

/// <summary>
/// jets: clusters every event of a generator file and writes the inclusive jets as a CSV table,
/// one row per jet (event, jet = 0-based pT rank, pt, eta, phi, rap, m, e, px, py, pz,
/// constituents; GeV, phi in (-pi, pi]), numbers as shortest round-trip text. Written atomically.
/// </summary>
public static class JetsWorkflow
{
    /// <summary>The table's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["event", "jet", "pt", "eta", "phi", "rap", "m", "e", "px", "py", "pz", "constituents"];

    /// <summary>Runs the request.</summary>
    public static JetsSummary Run(JetsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        JetDefinition definition = request.Definition.Validated();
        long events = 0;
        long particles = 0;
        long jets = 0;
        var clock = new Stopwatch();
        AtomicFile.WriteText(request.Output, writer =>
        {
            writer.Write(string.Join(',', Columns));
            writer.Write('\n');
            foreach (JetSource.Particles e in JetSource.Read(request.Input, request.Format))
            {
                events++;
                particles += e.Visible.Length;
                clock.Start();
                IReadOnlyList<Jet> found = JetClustering.InclusiveJets(JetSource.Momenta(e.Visible), definition);
                clock.Stop();
                for (int k = 0; k < found.Count; k++)
                {
                    Jet j = found[k];
                    FourMomentum p = j.Momentum;
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"{e.EventId},{k},{j.Pt:R},{j.Eta:R},{j.Phi:R},{j.Rapidity:R},{j.M:R},{p.E:R},{p.Px:R},{p.Py:R},{p.Pz:R},{j.Constituents.Count}\n"));
                }

                jets += found.Count;
            }
        });
        return new JetsSummary(events, particles, jets, clock.Elapsed.TotalSeconds, definition.ToString(), request.Output);
    }
}
