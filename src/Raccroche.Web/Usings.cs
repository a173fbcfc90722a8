// Namespaces every part of the application uses: the framework's data and page types, the shared
// helpers (Commun) and the database context (Donnees). Feature namespaces are never global: each file
// names the features it depends on, so that the dependency picture in docs/architecture.md can be
// read (and checked) from the using directives.
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Raccroche.Web.Commun;
global using Raccroche.Web.Commun.Formulaires;
global using Raccroche.Web.Donnees;
