namespace Raccroche.Web.Features.DataInclusion;

public static class DataInclusionSetup
{
    /// <summary>The export (API pages and files), the import, and the CORS policy that opens the API to any origin for GET.</summary>
    public static IServiceCollection AddDataInclusion(this IServiceCollection services)
    {
        services.AddScoped<ExportDataInclusion>();
        services.AddScoped<ImportDataInclusion>();
        services.AddCors(o => o.AddPolicy(DataInclusionApi.PolitiqueCors, p => p
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .AllowAnyHeader()
            .WithExposedHeaders("ETag")));
        return services;
    }
}
