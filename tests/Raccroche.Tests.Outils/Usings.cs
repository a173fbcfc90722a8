// The tests may use any part of the application: every namespace they commonly need is imported once here.
global using System.Net;
global using System.Text;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Raccroche.Web.Donnees;
global using Raccroche.Web.Features.Comptes;
