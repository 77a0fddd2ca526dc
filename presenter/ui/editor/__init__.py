"""The agenda editor and the PowerPoint export and import it starts."""
