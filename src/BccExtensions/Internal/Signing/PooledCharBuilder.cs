using System.Buffers;

namespace BccExtensions.Internal.Signing;

/// <summary>A growable character buffer on pooled arrays, so the signer builds strings without garbage.</summary>
internal ref struct PooledCharBuilder
{
    private char[] _buffer;
    private int _length;

    public PooledCharBuilder(int capacity)
    {
        _buffer = ArrayPool<char>.Shared.Rent(capacity);
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<char> AsSpan() => _buffer.AsSpan(0, _length);

    public readonly ReadOnlySpan<char> Slice(int start, int length) => _buffer.AsSpan(start, length);

    public void Append(char value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Append(scoped ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _buffer.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    public void Truncate(int length) => _length = length;

    public void Dispose()
    {
        char[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void Grow(int additional)
    {
        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
