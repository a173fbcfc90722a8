using Raccroche.Web.Features.Decrocheurs;
using Raccroche.Web.Infrastructure;

namespace Raccroche.Web.Features.Reponse;

/// <summary>After an answer (post-redirect-get): what happens next, by kind of answer; the spent link is not in this URL.</summary>
[EnableRateLimiting(LimitesDebit.LienPersonnel)]
public sealed class MerciModel : PageModel
{
    public string Texte { get; private set; } = "";

    public void OnGet(string? choix, string? point) => Texte = ValeursFermees.Lire<ReponsePoint>(point) is { } p ? ApresPoint(p) : ValeursFermees.Lire<ChoixReponse>(choix) switch
    {
        ChoixReponse.Rappel => "Quelqu'un t'appellera à l'un des moments choisis.",
        ChoixReponse.RendezVous => "La structure te proposera un rendez-vous dans l'une des demi-journées choisies.",
        ChoixReponse.DejaEnSolution => "C'est noté. Bonne continuation !",
        ChoixReponse.NePasContacter => "C'est noté : plus personne ne t'écrira depuis ce dossier.",
        _ => "Ta réponse a été transmise.",
    };

    /// <summary>After a check-in's answer.</summary>
    private static string ApresPoint(ReponsePoint p) => p switch
    {
        ReponsePoint.Toujours => "C'est noté, merci. Bonne continuation !",
        ReponsePoint.Arrete => "C'est noté. Quelqu'un de la structure va te recontacter pour chercher une autre solution avec toi.",
        _ => "C'est noté, merci. Bonne continuation dans ta nouvelle activité !",
    };
}
