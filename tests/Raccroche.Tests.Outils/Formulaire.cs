using AngleSharp.Html.Dom;

namespace Raccroche.Tests.Outils;

/// <summary>A form read from the page as a browser would submit it: fields with their values, ticked boxes, textareas, the antiforgery token.</summary>
public sealed class Formulaire
{
    private readonly List<KeyValuePair<string, string>> _champs = [];
    private readonly Dictionary<string, string> _actions = [];
    private readonly HashSet<string> _noms = [];
    private string _url = "";
    private string? _action;

    public static async Task<Formulaire> LireAsync(HttpClient client, string url, string selecteur = "form.sheet-form")
    {
        var page = await Pro.PageAsync(client, url);
        var form = page.QuerySelector(selecteur) ?? throw new InvalidOperationException($"no {selecteur} in {url}");
        var f = new Formulaire { _url = url, _action = form.GetAttribute("action") };
        foreach (var e in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var nom = e.GetAttribute("name")!;
            f._noms.Add(nom);
            switch (e)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } i when i.IsChecked:
                    f._champs.Add(new(nom, i.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" }:
                    break;
                case IHtmlInputElement i:
                    f._champs.Add(new(nom, i.Value));
                    break;
                case IHtmlTextAreaElement t:
                    f._champs.Add(new(nom, t.Value));
                    break;
                case IHtmlSelectElement s:
                    f._champs.Add(new(nom, s.Value ?? ""));
                    break;
            }
        }

        foreach (var b in form.QuerySelectorAll("button[formaction]"))
        {
            var action = b.GetAttribute("formaction")!;
            f._actions[action[(action.IndexOf("handler=", StringComparison.Ordinal) + 8)..]] = action;
        }

        return f;
    }

    public string? Valeur(string nom) => _champs.FirstOrDefault(c => c.Key == nom).Value;

    /// <summary>Fills a field of the form (it must be one: a renamed input fails the test).</summary>
    public Formulaire Mettre(string nom, string valeur)
    {
        Verifier(nom);
        _champs.RemoveAll(c => c.Key == nom);
        _champs.Add(new(nom, valeur));
        return this;
    }

    public Formulaire Cocher(string nom, string valeur)
    {
        Verifier(nom);
        _champs.Add(new(nom, valeur));
        return this;
    }

    private void Verifier(string nom) =>
        Assert.True(_noms.Contains(nom), $"no field {nom} in the form of {_url}; it has: {string.Join(", ", _noms)}");

    public Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, string handler) =>
        client.PostAsync(_actions[handler], new FormUrlEncodedContent(_champs));

    /// <summary>Submits a multipart form (an upload) through one of its buttons, with a file in <paramref name="champ"/>.</summary>
    public Task<HttpResponseMessage> EnvoyerAvecFichierAsync(HttpClient client, string handler, string champ, byte[] contenu, string nomFichier, string type = "application/pdf")
    {
        Verifier(champ);
        var multipart = new MultipartFormDataContent();
        foreach (var (nom, valeur) in _champs.Where(c => c.Key != champ))
        {
            multipart.Add(new StringContent(valeur), nom);
        }

        var fichier = new ByteArrayContent(contenu);
        fichier.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        multipart.Add(fichier, champ, nomFichier);
        return client.PostAsync(_actions[handler], multipart);
    }

    /// <summary>Submits the form to its own action, with every field as read and as changed.</summary>
    public Task<HttpResponseMessage> EnvoyerAsync(HttpClient client) =>
        client.PostAsync(_action ?? _url, new FormUrlEncodedContent(_champs));
}
