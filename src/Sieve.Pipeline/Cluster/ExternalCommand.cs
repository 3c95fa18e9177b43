using System.Diagnostics;

namespace Sieve.Pipeline.Cluster;

/// <summary>Runs a program (sbatch, squeue, sinfo, a task) and collects what it printed.</summary>
public static class ExternalCommand
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/>; stdout and stderr, and the exit code (-1 when it could not start, with the reason in stderr).</summary>
    /// <param name="logPath">When given, stdout and stderr go to this file instead of being returned.</param>
    public static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> args, string? workingDirectory = null,
        TimeSpan? timeout = null, string? logPath = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", $"{program}: {e.Message}");
        }

        using (process)
        {
            var output = new System.Text.StringBuilder();
            var error = new System.Text.StringBuilder();
            using StreamWriter? log = logPath is null ? null : new StreamWriter(logPath, append: false);
            var gate = new object();
            process.OutputDataReceived += (_, e) => Append(e.Data, output);
            process.ErrorDataReceived += (_, e) => Append(e.Data, error);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (-1, output.ToString(), error + $"{program} did not finish within {timeout}; stopped.");
            }

            process.WaitForExit(); // drains the output events
            return (process.ExitCode, output.ToString(), error.ToString());

            void Append(string? line, System.Text.StringBuilder into)
            {
                if (line is null)
                {
                    return;
                }

                lock (gate)
                {
                    if (log is not null)
                    {
                        log.WriteLine(line);
                        log.Flush();
                    }
                    else
                    {
                        into.Append(line).Append('\n');
                    }
                }
            }
        }
    }
}
