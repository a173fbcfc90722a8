// What the browser tests commonly need, imported once.
global using System.Globalization;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Playwright;
global using Raccroche.Tests.Outils;
global using Raccroche.Web.Commun;
global using Raccroche.Web.Donnees;
global using Raccroche.Web.Features.Catalogue;
global using Raccroche.Web.Features.Comptes;
global using Raccroche.Web.Features.Decrocheurs;
