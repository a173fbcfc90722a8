using QRCoder;

namespace Raccroche.Web.Commun;

public static class Qr
{
    /// <summary>An inline SVG QR code (black on white, with its quiet zone).</summary>
    public static string Svg(string texte, int pixels = 10)
    {
        using var generateur = new QRCodeGenerator();
        using var data = generateur.CreateQrCode(texte, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(pixels, "#000000", "#ffffff", drawQuietZones: true);
    }
}
