using System.Xml;

namespace Raccroche.Web.Features.Veille;

/// <summary>
/// The news watch as Atom 1.0 (RFC 4287) and RSS 2.0 documents. Text goes through <see cref="XmlWriter"/>, which escapes it
/// for XML; titles and summaries are text (Atom <c>type="text"</c>); the body is the page's own safe HTML (Markdown without
/// raw HTML) as Atom <c>type="html"</c>; RSS descriptions, which readers take as HTML, carry the summary HTML-encoded, so
/// that a typed <c>&lt;script&gt;</c> stays text in every reader.
/// </summary>
public static class FluxVeille
{
    public const string Atome = "http://www.w3.org/2005/Atom";
    public const string Auteur = "Observatoire régional du décrochage – Raccroche";

    private static readonly XmlWriterSettings Reglages = new() { Encoding = new UTF8Encoding(false), Indent = true, Async = false };

    /// <summary>An Atom feed: <paramref name="chemin"/> is its own path (its id and <c>rel="self"</c>), <paramref name="page"/> the HTML list it mirrors.</summary>
    public static byte[] Atom(IReadOnlyList<CarteActualite> entrees, string urlPublique, string titre, string chemin, string page, DateTime misAJour)
    {
        using var flux = new MemoryStream();
        using (var w = XmlWriter.Create(flux, Reglages))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Atome);
            w.WriteAttributeString("xml", "lang", null, "fr");
            w.WriteElementString("id", Atome, urlPublique + chemin);
            Texte(w, "title", titre);
            Texte(w, "subtitle", "Actualités du décrochage scolaire et du raccrochage, résumées par l'observatoire.");
            w.WriteElementString("updated", Atome, Rfc3339(misAJour));
            w.WriteStartElement("author", Atome);
            w.WriteElementString("name", Atome, Auteur);
            w.WriteElementString("uri", Atome, urlPublique + "/veille");
            w.WriteEndElement();
            Lien(w, "self", "application/atom+xml", urlPublique + chemin);
            Lien(w, "alternate", "text/html", urlPublique + page);
            w.WriteElementString("generator", Atome, "Raccroche");
            foreach (var a in entrees)
            {
                w.WriteStartElement("entry", Atome);
                w.WriteElementString("id", Atome, $"{urlPublique}/veille/{a.Id}");
                Texte(w, "title", a.Titre);
                Lien(w, "alternate", "text/html", urlPublique + a.Chemin);
                if (a.SourceUrl is { } source)
                {
                    w.WriteStartElement("link", Atome);
                    w.WriteAttributeString("rel", "related");
                    w.WriteAttributeString("href", Propre(source));
                    if (a.SourceNom is { } nom)
                    {
                        w.WriteAttributeString("title", Propre(nom));
                    }

                    w.WriteEndElement();
                }

                w.WriteElementString("published", Atome, Rfc3339(HeureParis.DebutDuJour(a.Date)));
                w.WriteElementString("updated", Atome, Rfc3339(a.ModifieeLe));
                Texte(w, "summary", a.Resume);
                if (a.Corps is { } corps)
                {
                    w.WriteStartElement("content", Atome);
                    w.WriteAttributeString("type", "html");
                    w.WriteString(Propre(Markdown.Html(corps).Value ?? ""));
                    w.WriteEndElement();
                }

                foreach (var t in a.Themes)
                {
                    w.WriteStartElement("category", Atome);
                    w.WriteAttributeString("term", t);
                    w.WriteAttributeString("scheme", urlPublique + "/veille/themes/");
                    w.WriteAttributeString("label", Etiquettes.Themes.Libelle(t));
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return flux.ToArray();
    }

    /// <summary>An RSS 2.0 channel with RFC 822 dates, a permalink <c>guid</c> per item and its <c>atom:link rel="self"</c>.</summary>
    public static byte[] Rss(IReadOnlyList<CarteActualite> entrees, string urlPublique, string titre, string chemin, string page, DateTime misAJour)
    {
        using var flux = new MemoryStream();
        using (var w = XmlWriter.Create(flux, Reglages))
        {
            w.WriteStartDocument();
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, Atome);
            w.WriteStartElement("channel");
            w.WriteElementString("title", titre);
            w.WriteElementString("link", urlPublique + page);
            w.WriteElementString("description", "Actualités du décrochage scolaire et du raccrochage, résumées par l'observatoire.");
            w.WriteElementString("language", "fr");
            w.WriteElementString("lastBuildDate", Rfc822(misAJour));
            w.WriteStartElement("link", Atome);
            w.WriteAttributeString("href", urlPublique + chemin);
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            foreach (var a in entrees)
            {
                w.WriteStartElement("item");
                w.WriteElementString("title", Propre(a.Titre));
                w.WriteElementString("link", urlPublique + a.Chemin);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString($"{urlPublique}/veille/{a.Id}");
                w.WriteEndElement();
                w.WriteElementString("pubDate", Rfc822(HeureParis.DebutDuJour(a.Date)));
                w.WriteElementString("description", Propre(System.Net.WebUtility.HtmlEncode(a.Resume)));
                foreach (var t in a.Themes)
                {
                    w.WriteElementString("category", Etiquettes.Themes.Libelle(t));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return flux.ToArray();
    }

    private static void Texte(XmlWriter w, string element, string texte)
    {
        w.WriteStartElement(element, Atome);
        w.WriteAttributeString("type", "text");
        w.WriteString(Propre(texte));
        w.WriteEndElement();
    }

    private static void Lien(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", Atome);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    /// <summary>The text without the characters XML 1.0 cannot carry (a forged post could hold U+FFFF): the feed stays well-formed.</summary>
    public static string Propre(string texte)
    {
        if (texte.All(c => XmlConvert.IsXmlChar(c)))
        {
            return texte;
        }

        var sb = new StringBuilder(texte.Length);
        for (var i = 0; i < texte.Length; i++)
        {
            if (XmlConvert.IsXmlChar(texte[i]))
            {
                sb.Append(texte[i]);
            }
            else if (i + 1 < texte.Length && XmlConvert.IsXmlSurrogatePair(texte[i + 1], texte[i]))
            {
                sb.Append(texte[i]).Append(texte[i + 1]);
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>"2026-12-02T17:05:09Z".</summary>
    public static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"Wed, 02 Dec 2026 17:05:09 +0000" (RFC 822 with a four-digit year, as RSS 2.0 asks).</summary>
    public static string Rfc822(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
