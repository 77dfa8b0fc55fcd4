"""Justification trees and why-not answers, and their renderings."""
