using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// Finds whether the plugin's IL uses each field reference as a static field (ldsfld, ldsflda, stsfld) or an instance
/// field. A field's MemberReference does not say so; the opcode does, and the JIT rejects an opcode that does not fit
/// the server's field.
/// </summary>
internal static class FieldAccessScanner
{
    // Operand types by opcode value (two-byte opcodes as 0xFE00 | second byte), taken from the runtime's own table.
    private static readonly Dictionary<int, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value & 0xFFFF, o => o.OperandType);

    /// <summary>Scans every method body.</summary>
    /// <param name="pe">The plugin file.</param>
    /// <param name="reader">Its metadata.</param>
    /// <returns>For each field token the IL loads or stores: true when used as static.</returns>
    public static Dictionary<EntityHandle, bool> Scan(PEReader pe, MetadataReader reader)
    {
        var result = new Dictionary<EntityHandle, bool>();
        foreach (var handle in reader.MethodDefinitions)
        {
            var rva = reader.GetMethodDefinition(handle).RelativeVirtualAddress;
            if (rva == 0)
            {
                continue;
            }

            var il = pe.GetMethodBody(rva).GetILReader();
            while (il.RemainingBytes > 0)
            {
                int code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = 0xFE00 | il.ReadByte();
                }

                var operandType = OperandTypes[code];
                if (operandType == OperandType.InlineField)
                {
                    var field = MetadataTokens.EntityHandle(il.ReadInt32());
                    result[field] = code == OpCodes.Ldsfld.Value || code == OpCodes.Ldsflda.Value || code == OpCodes.Stsfld.Value;
                }
                else
                {
                    SkipOperand(ref il, operandType);
                }
            }
        }

        return result;
    }

    private static void SkipOperand(ref BlobReader il, OperandType operandType)
    {
        switch (operandType)
        {
            case OperandType.InlineNone:
                break;
            case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                il.Offset += 1;
                break;
            case OperandType.InlineVar:
                il.Offset += 2;
                break;
            case OperandType.InlineI8 or OperandType.InlineR:
                il.Offset += 8;
                break;
            case OperandType.InlineSwitch:
                var targets = il.ReadInt32(); // read before moving on: `il.Offset += 4 * il.ReadInt32()` would lose these 4 bytes
                il.Offset += 4 * targets;
                break;
            default:
                il.Offset += 4;
                break;
        }
    }
}
