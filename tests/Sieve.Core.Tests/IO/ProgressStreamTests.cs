using Sieve.IO;
using Sieve.IO.Tables;

namespace Sieve.Core.Tests.IO;

/// <summary>Progress by bytes: reports rise, arrive about once a MiB, and end at the file's size; readers pass them on.</summary>
public class ProgressStreamTests
{
    private sealed class Recorder : IProgress<long>
    {
        public List<long> Reports { get; } = [];

        public void Report(long value) => Reports.Add(value);
    }

    [Fact]
    public void Reports_rise_about_once_a_mebibyte_and_end_at_the_length()
    {
        byte[] data = new byte[(5 * ProgressStream.ReportEvery) + 12345];
        var recorder = new Recorder();
        using (var stream = new ProgressStream(new MemoryStream(data), recorder))
        {
            var buffer = new byte[70_000];
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }

        Assert.Equal(data.Length, recorder.Reports[^1]);
        Assert.True(recorder.Reports.SequenceEqual(recorder.Reports.Order()), "reports rise");
        Assert.InRange(recorder.Reports.Count, 5, 7);
        Assert.Throws<NotSupportedException>(() => new ProgressStream(new MemoryStream(data), recorder).Seek(0, SeekOrigin.Begin));
    }

    [Fact]
    public void The_csv_reader_reports_the_whole_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sieve-progress-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["x,y", .. Enumerable.Range(0, 200_000).Select(i => $"{i},{i * 0.5}")]);
        try
        {
            var recorder = new Recorder();
            Assert.Equal(200_000, CsvTableReader.Read(path, null, recorder).RowCount);
            Assert.Equal(new FileInfo(path).Length, recorder.Reports[^1]);
            Assert.True(recorder.Reports.Count >= 2);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
