using System.Reflection;

namespace Raccroche.Tests.Unit;

/// <summary>The roles are a closed list: the constants, <see cref="Roles.Tous"/> and the labels say the same five roles.</summary>
public sealed class RolesTests
{
    [Fact]
    public void Tous_ListsEveryRoleConstant_Once()
    {
        var constantes = typeof(Roles).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(c => c.IsLiteral).Select(c => (string)c.GetRawConstantValue()!).ToList();
        Assert.Equal(["admin-regional", "coordinateur", "admin-structure", "membre-structure", "editeur"], constantes);
        Assert.Equal(constantes, Roles.Tous);
    }

    [Fact]
    public void EveryRole_HasAFrenchLabel()
    {
        Assert.Equal(
            ["Administrateur régional", "Coordinateur de territoire", "Administrateur de structure", "Membre de structure", "Éditeur de l'observatoire"],
            Roles.Tous.Select(Roles.Libelle));
        Assert.Equal("inconnu", Roles.Libelle("inconnu"));
    }

    [Fact]
    public void OnlyTheStructureRoles_BelongToAStructure() =>
        Assert.Equal([Roles.AdminStructure, Roles.MembreStructure], Roles.Tous.Where(Roles.DeStructure));
}
