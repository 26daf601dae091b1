using System.Diagnostics.CodeAnalysis;

// Test names follow the team's Method_condition_result convention, which CA1707 (no underscores) rejects.
// Scoped to this namespace because the project-wide setting is not this folder's to change.
[assembly: SuppressMessage(
    "Naming",
    "CA1707:Identifiers should not contain underscores",
    Justification = "xunit names use Method_condition_result.",
    Scope = "namespaceanddescendants",
    Target = "~N:VideoPipeline.Tests.Providers.Offline.Planning")]
