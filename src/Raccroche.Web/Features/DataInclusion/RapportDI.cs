using System.Text.Json.Serialization;

namespace Raccroche.Web.Features.DataInclusion;

/// <summary>What a dry run says a record will become, or what the import did with it.</summary>
public enum StatutImport
{
    ACreer,
    AMettreAJour,
    Inchange,
    Invalide,
}

public sealed record InvalideDI(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("champ")] string Champ,
    [property: JsonPropertyName("message")] string Message);

/// <summary>An imported structure that looks like one already in the directory: proposed to the administrator, never merged.</summary>
public sealed record DoublonDI(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("structure_existante")] int StructureExistante,
    [property: JsonPropertyName("nom_existant")] string NomExistant,
    [property: JsonPropertyName("raison")] string Raison);

/// <summary>One record of the files, with its status (for the page's table).</summary>
public sealed record LigneRapportDI(string Id, string Genre, string Nom, StatutImport Statut, DateOnly? DateMaj);

/// <summary>
/// The import's report. Its JSON (<c>--rapport</c>) has exactly <c>enregistrements</c>, <c>crees</c>, <c>mis_a_jour</c>,
/// <c>inchanges</c>, <c>invalides</c> and <c>doublons_proposes</c>; on a dry run the counts are what the import would do.
/// </summary>
public sealed class RapportDI
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [JsonPropertyName("enregistrements")] public int Enregistrements { get; set; }
    [JsonPropertyName("crees")] public int Crees { get; set; }
    [JsonPropertyName("mis_a_jour")] public int MisAJour { get; set; }
    [JsonPropertyName("inchanges")] public int Inchanges { get; set; }
    [JsonPropertyName("invalides")] public List<InvalideDI> Invalides { get; } = [];
    [JsonPropertyName("doublons_proposes")] public List<DoublonDI> DoublonsProposes { get; } = [];

    [JsonIgnore] public bool Essai { get; set; }
    [JsonIgnore] public bool Importe { get; set; }

    /// <summary>Why nothing could be read or written (not a record's fault), if so.</summary>
    [JsonIgnore] public string? Refus { get; set; }
    [JsonIgnore] public List<LigneRapportDI> Lignes { get; } = [];

    /// <summary>Records "plus dans la source" after this import (a full file of their source no longer holds them).</summary>
    [JsonIgnore] public int PlusDansLaSource { get; set; }
    [JsonIgnore] public int EnregistrementsInvalides => Lignes.Count(l => l.Statut == StatutImport.Invalide);

    public string Resume()
    {
        if (Refus is not null)
        {
            return Refus;
        }

        var bilan = $"{Enregistrements} enregistrement(s) : {Crees} {(Importe ? "créé(s)" : "à créer")}, {MisAJour} {(Importe ? "mis à jour" : "à mettre à jour")}, {Inchanges} inchangé(s), {EnregistrementsInvalides} invalide(s)";
        var doublons = DoublonsProposes.Count > 0 ? $", {DoublonsProposes.Count} doublon(s) possible(s) à examiner" : "";
        return Importe
            ? $"Import terminé. {bilan}{(EnregistrementsInvalides > 0 ? " (écartés)" : "")}{doublons}{(PlusDansLaSource > 0 ? $", {PlusDansLaSource} plus dans la source" : "")}."
            : Essai ? $"Vérification (rien n'est écrit). {bilan}{doublons}."
            : $"Import refusé : rien n'a été écrit. {bilan}. Corrigez les enregistrements invalides, ou écartez-les explicitement.";
    }
}
