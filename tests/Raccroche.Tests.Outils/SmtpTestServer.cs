using System.Collections.Concurrent;
using System.Net.Sockets;
using MimeKit;

namespace Raccroche.Tests.Outils;

/// <summary>
/// A small SMTP server on loopback for the tests (no SMTP server package is available here): it speaks
/// enough of RFC 5321 for MailKit (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps what it receives.
/// Set <see cref="Refuser"/> to answer 451 and exercise retries.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _boucle;

    public SmtpTestServer()
    {
        _listener.Start();
        _boucle = Task.Run(AccepterAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public ConcurrentQueue<MimeMessage> Recus { get; } = new();
    public bool Refuser { get; set; }

    /// <summary>Answers RCPT with a permanent refusal quoting the address, as real servers do.</summary>
    public bool RefuserDestinataire { get; set; }

    private async Task AccepterAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServirAsync(client));
        }
    }

    private async Task ServirAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        while (await reader.ReadLineAsync() is { } ligne)
        {
            var verbe = ligne.Split(' ', 2)[0].ToUpperInvariant();
            switch (verbe)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "RCPT" when RefuserDestinataire:
                    await writer.WriteLineAsync($"550 5.1.1 {ligne.Split(':', 2).ElementAtOrDefault(1)?.Trim()}: mailbox unavailable");
                    break;
                case "HELO" or "RSET" or "NOOP" or "RCPT":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "MAIL":
                    await writer.WriteLineAsync(Refuser ? "451 4.3.0 try again later" : "250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var sb = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } l && l != ".")
                    {
                        sb.Append(l.StartsWith("..", StringComparison.Ordinal) ? l[1..] : l).Append("\r\n");
                    }

                    Recus.Enqueue(MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(sb.ToString()))));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 not implemented");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _boucle;
    }
}
