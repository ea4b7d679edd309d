namespace Dyad.Syntax;

/// <summary>The Universal Dependencies relation labels the parser emits and the later stages ask about, named once.</summary>
internal static class UdRelation
{
    public const string Root = "root";
    public const string Dep = "dep";

    // Core arguments.
    public const string Nsubj = "nsubj";
    public const string NsubjPass = "nsubj:pass";
    public const string NsubjOuter = "nsubj:outer";
    public const string Csubj = "csubj";
    public const string CsubjPass = "csubj:pass";
    public const string Obj = "obj";
    public const string Iobj = "iobj";
    public const string Ccomp = "ccomp";
    public const string Xcomp = "xcomp";

    // Non-core dependents of a clause.
    public const string Obl = "obl";
    public const string OblAgent = "obl:agent";
    public const string OblNpmod = "obl:npmod";
    public const string OblUnmarked = "obl:unmarked";
    public const string Vocative = "vocative";
    public const string Expl = "expl";
    public const string Advcl = "advcl";
    public const string AdvclRelcl = "advcl:relcl";
    public const string Advmod = "advmod";
    public const string Aux = "aux";
    public const string AuxPass = "aux:pass";
    public const string Cop = "cop";
    public const string Mark = "mark";

    /// <summary>UD v1's negation label; v2 folds it into advmod, but a parse may still carry it.</summary>
    public const string Neg = "neg";

    // Dependents of a nominal.
    public const string Nmod = "nmod";
    public const string NmodPoss = "nmod:poss";
    public const string NmodDesc = "nmod:desc";
    public const string NmodUnmarked = "nmod:unmarked";
    public const string Appos = "appos";
    public const string Nummod = "nummod";
    public const string Acl = "acl";
    public const string AclRelcl = "acl:relcl";
    public const string Amod = "amod";
    public const string Det = "det";
    public const string Case = "case";

    // Coordination, multiword expressions and the rest.
    public const string Conj = "conj";
    public const string Cc = "cc";
    public const string Fixed = "fixed";
    public const string Flat = "flat";
    public const string FlatName = "flat:name";
    public const string Compound = "compound";
    public const string CompoundPrt = "compound:prt";
    public const string Parataxis = "parataxis";
    public const string Punct = "punct";

    /// <summary>nsubj or nsubj:pass.</summary>
    public static bool IsNominalSubject(string relation) => relation is Nsubj or NsubjPass;

    /// <summary>Whether the label starts with "obl": obl and its subtypes (obl:agent, obl:tmod, ...).</summary>
    public static bool IsOblique(string relation) => relation.StartsWith(Obl, StringComparison.Ordinal);

    /// <summary>Whether the label starts with "nmod": nmod and its subtypes (nmod:poss too).</summary>
    public static bool IsNominalModifier(string relation) => relation.StartsWith(Nmod, StringComparison.Ordinal);

    /// <summary>Whether the label starts with "acl": acl and its subtypes (acl:relcl).</summary>
    public static bool IsAdnominalClause(string relation) => relation.StartsWith(Acl, StringComparison.Ordinal);
}
