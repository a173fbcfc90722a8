namespace Raccroche.BrowserTests;

/// <summary>A personal link as the SMS queue would have sent it to the young person: the message row with its hashed token.</summary>
internal static class LienDeTest
{
    /// <summary>Adds (not saved) the message of <paramref name="dossier"/>'s link, valid 30 days; returns the clear token of the URL.</summary>
    public static string Ajouter(RaccrocheDbContext db, int dossier, DateTime maintenant, string auteur = "test", NatureMessage nature = default, long? point = null)
    {
        var jeton = LienPersonnel.NouveauJeton();
        db.MessagesJeune.Add(new MessageJeune
        {
            JeuneSuiviId = dossier,
            EnvoyeLe = maintenant,
            Canal = CanalContact.Sms,
            Destinataire = DestinataireContact.Jeune,
            Nature = nature,
            Auteur = auteur,
            EmpreinteLien = LienPersonnel.Empreinte(jeton),
            LienExpireLe = maintenant.AddDays(30),
            PointSuiviId = point,
        });
        return jeton;
    }
}
