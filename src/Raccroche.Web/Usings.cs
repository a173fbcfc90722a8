// Namespaces every part of the application uses: the framework's (data, pages, identity, JSON, text), the
// shared helpers (Commun) and the database context (Donnees). Feature namespaces are never global: each file
// names the features it depends on, so that the dependency picture in docs/architecture.md can be
// read (and checked) from the using directives.
global using System.Globalization;
global using System.Security.Claims;
global using System.Text;
global using System.Text.Json;
global using System.Text.RegularExpressions;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.AspNetCore.RateLimiting;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using Microsoft.Extensions.Options;
global using Raccroche.Web.Commun;
global using Raccroche.Web.Commun.Formulaires;
global using Raccroche.Web.Donnees;
