using System.Diagnostics;
using System.Net.Sockets;

namespace Raccroche.Tests.Outils;

/// <summary>
/// The app as a real process (<c>dotnet Raccroche.Web.dll</c> from the test's output folder) on a free loopback port, with
/// its settings as environment variables: what a deployment runs, so that a test can kill it with SIGKILL. Every
/// background job is off unless the test turns it on in its settings. Its output is kept for the failure
/// message.
/// </summary>
public sealed class InstanceProcessus : IAsyncDisposable
{
    private readonly Process _processus;
    private readonly StringBuilder _sortie = new();

    private InstanceProcessus(Process processus, int port)
    {
        _processus = processus;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _processus.Id;

    public string Sortie
    {
        get
        {
            lock (_sortie)
            {
                return _sortie.ToString();
            }
        }
    }

    public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };

    /// <summary>A command-line verb of the app (<c>retention</c>...) as a process with the same settings: its exit code and outputs.</summary>
    public static async Task<(int Code, string Sortie, string Erreurs)> ExecuterVerbeAsync(IReadOnlyDictionary<string, string> reglages, params string[] verbe)
    {
        var psi = Preparer(reglages, verbe);
        using var p = Process.Start(psi)!;
        var sortie = p.StandardOutput.ReadToEndAsync();
        var erreurs = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await sortie, await erreurs);
    }

    public static async Task<InstanceProcessus> DemarrerAsync(IReadOnlyDictionary<string, string> reglages, TimeSpan? delai = null)
    {
        var port = PortLibre();
        var psi = Preparer(reglages, "--urls", $"http://127.0.0.1:{port}");
        var instance = new InstanceProcessus(Process.Start(psi)!, port);
        instance._processus.OutputDataReceived += (_, e) => instance.Noter(e.Data);
        instance._processus.ErrorDataReceived += (_, e) => instance.Noter(e.Data);
        instance._processus.BeginOutputReadLine();
        instance._processus.BeginErrorReadLine();
        return await instance.AttendrePretAsync(delai ?? TimeSpan.FromSeconds(90));
    }

    private static ProcessStartInfo Preparer(IReadOnlyDictionary<string, string> reglages, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Raccroche.Web.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // At Information when the run's log is scanned (JournalDeSuite), as production logs.
        psi.Environment["Logging__LogLevel__Default"] = JournalDeSuite.Actif ? "Information" : "Warning";
        psi.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var tache in ReglagesDeTest.TachesDeFond)
        {
            psi.Environment[tache.Replace(":", "__", StringComparison.Ordinal)] = "false";
        }

        foreach (var (cle, valeur) in reglages)
        {
            psi.Environment[cle.Replace(":", "__", StringComparison.Ordinal)] = valeur;
        }

        return psi;
    }

    /// <summary>Ready when /sante/pret says so (database, migrations, index).</summary>
    private async Task<InstanceProcessus> AttendrePretAsync(TimeSpan delai)
    {
        using var client = Client();
        using var attente = new CancellationTokenSource(delai);
        while (true)
        {
            if (_processus.HasExited)
            {
                throw new InvalidOperationException($"the instance exited ({_processus.ExitCode}) before it was ready:\n{Sortie}");
            }

            try
            {
                if ((await client.GetAsync("/sante/pret", attente.Token)).IsSuccessStatusCode)
                {
                    return this;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the instance on port {Port} was not ready in time:\n{Sortie}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    /// <summary>SIGKILL: no shutdown, no lease given back, as a crash.</summary>
    public void Tuer()
    {
        if (!_processus.HasExited)
        {
            _processus.Kill(entireProcessTree: true);
            _processus.WaitForExit();
        }
    }

    private void Noter(string? ligne)
    {
        if (ligne is not null)
        {
            JournalDeSuite.Ecrire(ligne);
            lock (_sortie)
            {
                _sortie.AppendLine(ligne);
            }
        }
    }

    private static int PortLibre()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Tuer();
        _processus.Dispose();
        return ValueTask.CompletedTask;
    }
}
