using Raccroche.Web.Features.Communes;

namespace Raccroche.Web.Features.Catalogue;

/// <summary>
/// The values of one list of a programme (entries, levels, situations) as bits: the first 64 distinct values the
/// index meets get one each. A list whose values all have a bit is tested with one AND; one that holds a value
/// past the 64th is tested on its strings (the programme is marked <see cref="Particularites.Incomplet"/>).
/// </summary>
internal sealed class BitsValeurs
{
    private readonly Dictionary<string, int> _rang = new(StringComparer.Ordinal);

    /// <summary>The bits of <paramref name="valeurs"/>; <paramref name="complet"/> is false when one of them has no bit.</summary>
    public ulong Masque(string[] valeurs, out bool complet)
    {
        complet = true;
        var masque = 0UL;
        foreach (var v in valeurs)
        {
            if (!_rang.TryGetValue(v, out var r))
            {
                if (_rang.Count == 64)
                {
                    complet = false;
                    continue;
                }

                r = _rang[v] = _rang.Count;
            }

            masque |= 1UL << r;
        }

        return masque;
    }

    /// <summary>The bit of a value asked by a query; 0 when no programme of the index has it.</summary>
    public ulong Bit(string valeur) => _rang.TryGetValue(valeur, out var r) ? 1UL << r : 0;
}

[Flags]
internal enum Particularites : byte
{
    Aucun = 0,
    Suspendu = 1,
    Remunere = 2,
    Internat = 4,
    EntreePermanente = 8,
    Gratuit = 16,
    /// <summary>One of the programme's lists holds a value without a bit: test that list on its strings.</summary>
    Incomplet = 32,
}

/// <summary>
/// What a search filters on, packed per programme in one array (24 bytes each), with the places' coordinates in
/// two flat arrays: a query reads a few thousand programmes, and following each one's objects and string arrays
/// (the level compared string by string, every place an object of its own) cost more than the rest of the query.
/// </summary>
internal readonly record struct CriteresDoc(ulong Entrees, ulong Niveaux, ulong Situations, short AgeMin, short AgeMax, Particularites Particularites)
{
    public bool A(Particularites d) => (Particularites & d) != 0;
}

/// <summary>The packed criteria of a whole index, and the queries' values in the same bits.</summary>
internal sealed class CriteresIndex
{
    private readonly BitsValeurs _entrees = new();
    private readonly BitsValeurs _niveaux = new();
    private readonly BitsValeurs _situations = new();

    public CriteresIndex(DispositifDoc[] docs)
    {
        Docs = new CriteresDoc[docs.Length];
        DebutLieux = new int[docs.Length + 1];
        var lieux = docs.Sum(d => d.Lieux.Length);
        Latitudes = new double[lieux];
        Longitudes = new double[lieux];
        var n = 0;
        for (var i = 0; i < docs.Length; i++)
        {
            var d = docs[i];
            var entrees = _entrees.Masque(d.Entrees, out var e);
            var niveaux = _niveaux.Masque(d.Niveaux, out var nv);
            var situations = _situations.Masque(d.Situations, out var s);
            var particularites = (d.Suspendu ? Particularites.Suspendu : 0) | (d.Remunere == true ? Particularites.Remunere : 0)
                | (d.Internat == true ? Particularites.Internat : 0) | (d.EntreePermanente == true ? Particularites.EntreePermanente : 0)
                | (d.Frais == "gratuit" ? Particularites.Gratuit : 0) | (e && nv && s ? 0 : Particularites.Incomplet);
            Docs[i] = new CriteresDoc(entrees, niveaux, situations,
                (short)Math.Clamp(d.AgeMin ?? short.MinValue, short.MinValue, short.MaxValue),
                (short)Math.Clamp(d.AgeMax ?? short.MaxValue, short.MinValue, short.MaxValue), particularites);
            DebutLieux[i] = n;
            foreach (var l in d.Lieux)
            {
                Latitudes[n] = l.Latitude;
                Longitudes[n] = l.Longitude;
                n++;
            }
        }

        DebutLieux[docs.Length] = n;
    }

    public CriteresDoc[] Docs { get; }

    /// <summary>Programme i's places are at positions DebutLieux[i] to DebutLieux[i + 1] - 1, in the order of its <see cref="DispositifDoc.Lieux"/>.</summary>
    public int[] DebutLieux { get; }

    public double[] Latitudes { get; }

    public double[] Longitudes { get; }

    public ulong Entree(string valeur) => _entrees.Bit(valeur);

    public ulong Niveau(string valeur) => _niveaux.Bit(valeur);

    public ulong Situation(string valeur) => _situations.Bit(valeur);

    /// <summary>
    /// The largest difference of latitudes, in degrees, of a place within <paramref name="rayonKm"/>: the great-circle
    /// distance is at least the Earth's radius times that difference (in radians); the 10⁻⁶ km margin covers rounding.
    /// </summary>
    public static double EcartLatitudeMax(double rayonKm) => (rayonKm + 1e-6) / (Math.PI / 180.0 * Distances.RayonTerreKm);
}
